using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// The emission and energy factors one simulated year uses, resolved from the factor table (province, year,
/// electricity method, scenario overrides) into plain numbers so that every twin books with the same values.
/// Co2PerUnit/TcePerUnit are indexed [carrier × unit] (NaN where the unit does not fit the carrier).
/// </summary>
public sealed record RunFactors
{
    public required double GridFactor { get; init; }
    public required double ResidualFactor { get; init; }
    public required double HeatCo2PerGJ { get; init; }
    public required double HeatTcePerGJ { get; init; }
    public required double ElectricityTcePerMWh { get; init; }
    public required double[] Co2PerUnit { get; init; }
    public required double[] TcePerUnit { get; init; }
    public required Dictionary<string, double> ProcessFactors { get; init; }

    static readonly int UnitCount = Enum.GetValues<FuelUnit>().Length;

    public double Co2(FuelCarrier carrier, FuelUnit unit) => Co2PerUnit[(int)carrier * UnitCount + (int)unit];

    public double Tce(FuelCarrier carrier, FuelUnit unit) => TcePerUnit[(int)carrier * UnitCount + (int)unit];

    /// <summary>GJ per unit, from the ratio to the per-GJ factor (the NCV, with unit conversion).</summary>
    public double GJ(FuelCarrier carrier, FuelUnit unit) => Co2(carrier, unit) / Co2(carrier, FuelUnit.GJ);

    public double Process(string product) => ProcessFactors.TryGetValue(product, out var f)
        ? f
        : throw new InputException($"process.{product}", $"no process emission factor for '{product}' (known: {string.Join(", ", ProcessFactors.Keys)})");

    /// <summary>Builds the [carrier × unit] tables from per-(carrier, unit) functions.</summary>
    public static double[] Table(Func<FuelCarrier, FuelUnit, double> factor)
    {
        var table = new double[EnergyNames.AllCarriers.Length * UnitCount];
        foreach (var c in EnergyNames.AllCarriers)
            foreach (var u in Enum.GetValues<FuelUnit>())
                table[(int)c * UnitCount + (int)u] = factor(c, u);
        return table;
    }
}
