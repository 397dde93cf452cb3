namespace ParkTwin.Domain.Decisions;

/// <summary>
/// One enterprise's year before any new abatement, as it sees it on 1 January: what its options act on.
/// Quantities per year, with the effect of its earlier adoptions already in them (so cuts do not double count).
/// </summary>
public sealed record EnterpriseBaseline
{
    public required string Enterprise { get; init; }
    public required string Industry { get; init; }
    /// <summary>Park of the enterprise: where its adopted PV and storage sit.</summary>
    public string? Park { get; init; }
    /// <summary>Output per year in the industry's output unit.</summary>
    public double AnnualOutput { get; init; }
    public double OutputValueCny { get; init; }
    public double Scope1CombustionTco2 { get; init; }
    public double Scope1ProcessTco2 { get; init; }
    public double FuelTce { get; init; }
    public double ElectricityMWh { get; init; }
    public double HeatGJ { get; init; }
    /// <summary>Comprehensive energy use, tce/yr (fuel + electricity + heat by the run's electricity method): the basis of efficiency capex.</summary>
    public double EnergyTce { get; init; }
    /// <summary>Location-based grid factor, tCO2/MWh: values electricity saved, added or self-generated.</summary>
    public double GridFactor { get; init; }
    /// <summary>Residual factor, tCO2/MWh: what green-contracted electricity no longer emits in market-based Scope 2.</summary>
    public double ResidualFactor { get; init; }
    /// <summary>Purchased-heat factor, tCO2/GJ.</summary>
    public double HeatFactor { get; init; }

    public double Scope1Tco2 => Scope1CombustionTco2 + Scope1ProcessTco2;
}
