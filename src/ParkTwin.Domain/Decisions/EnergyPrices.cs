namespace ParkTwin.Domain.Decisions;

/// <summary>The prices an enterprise values its energy savings at (abatement.yaml `prices`).</summary>
public sealed record EnergyPrices
{
    public required double FuelCnyPerTce { get; init; }
    public required double HeatCnyPerGJ { get; init; }
    public required double ElectricityCnyPerMWh { get; init; }
    /// <summary>Time-of-use peak and valley prices: storage charges in the valley and discharges at the peak.</summary>
    public required double TouPeakCnyPerMWh { get; init; }
    public required double TouValleyCnyPerMWh { get; init; }
}
