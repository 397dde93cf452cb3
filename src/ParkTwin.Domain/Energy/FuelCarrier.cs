namespace ParkTwin.Domain.Energy;

/// <summary>Fossil carriers burned on site; electricity and heat are accounted separately.</summary>
public enum FuelCarrier { RawCoal, Coke, NaturalGas, Diesel, FuelOil, Lpg }

/// <summary>Physical units in which activity data arrive.</summary>
public enum FuelUnit { Tonne, Kilogram, TenThousandNm3, Nm3, GJ }

public static class EnergyNames
{
    public static readonly FuelCarrier[] AllCarriers = Enum.GetValues<FuelCarrier>();

    static readonly Dictionary<string, FuelCarrier> CarrierByName = new(StringComparer.Ordinal)
    {
        ["raw_coal"] = FuelCarrier.RawCoal, ["coke"] = FuelCarrier.Coke, ["natural_gas"] = FuelCarrier.NaturalGas,
        ["diesel"] = FuelCarrier.Diesel, ["fuel_oil"] = FuelCarrier.FuelOil, ["lpg"] = FuelCarrier.Lpg,
    };

    static readonly Dictionary<string, FuelUnit> UnitByName = new(StringComparer.Ordinal)
    {
        ["t"] = FuelUnit.Tonne, ["kg"] = FuelUnit.Kilogram, ["10^4 Nm3"] = FuelUnit.TenThousandNm3,
        ["Nm3"] = FuelUnit.Nm3, ["GJ"] = FuelUnit.GJ,
    };

    public static bool TryParseCarrier(string? name, out FuelCarrier carrier) =>
        CarrierByName.TryGetValue(name ?? "", out carrier);

    public static bool TryParseUnit(string? name, out FuelUnit unit) => UnitByName.TryGetValue(name ?? "", out unit);

    public static string Name(this FuelCarrier carrier) => CarrierByName.First(p => p.Value == carrier).Key;

    public static string Name(this FuelUnit unit) => UnitByName.First(p => p.Value == unit).Key;

    public static IEnumerable<string> CarrierNames => CarrierByName.Keys;

    public static IEnumerable<string> UnitNames => UnitByName.Keys;
}
