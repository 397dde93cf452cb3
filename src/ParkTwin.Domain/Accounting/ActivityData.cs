using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Accounting;

/// <summary>What one enterprise or shared facility used and made over the accounting period.</summary>
public sealed record ActivityData
{
    public IReadOnlyList<FuelUse> Fuels { get; init; } = [];
    public IReadOnlyList<ProcessOutput> Process { get; init; } = [];
    public ElectricityUse Electricity { get; init; } = ElectricityUse.None;
    /// <summary>Purchased heat, GJ.</summary>
    public double HeatGJ { get; init; }
    public double OutputValue10kCNY { get; init; }
    /// <summary>Data for the guiding indicators, where known.</summary>
    public IndicatorData? Indicators { get; init; }
}

/// <summary>Fuel burned: a quantity in a physical unit (or GJ).</summary>
public sealed record FuelUse(FuelCarrier Carrier, double Quantity, FuelUnit Unit);

/// <summary>Product made with process CO2 (e.g. clinker), tonnes.</summary>
public sealed record ProcessOutput(string Product, double Tonnes);

/// <summary>
/// Electricity consumed, MWh. Grid and green-contract power are purchased (Scope 2); on-site or in-park
/// renewable generation is not purchased (no Scope 2) but is energy consumed. Certificates retired are GECs,
/// 1 per MWh; they cover green-contract power first (the two are sold bundled), any excess covers grid power.
/// </summary>
public sealed record ElectricityUse(double GridMWh = 0, double GreenMWh = 0, double CertificatesRetired = 0, double OnsiteMWh = 0)
{
    public static readonly ElectricityUse None = new();

    public double PurchasedMWh => GridMWh + GreenMWh;

    public double ConsumedMWh => GridMWh + GreenMWh + OnsiteMWh;
}

/// <summary>Fractions 0..1 for the guiding indicators; null means no data (never a pass).</summary>
public sealed record IndicatorData(double? SolidWasteUtilisation = null, double? WasteHeatUtilisation = null, double? WaterReuse = null);
