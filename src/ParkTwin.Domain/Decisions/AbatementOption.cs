namespace ParkTwin.Domain.Decisions;

/// <summary>
/// One abatement option of the catalogue (simulations/data/abatement.yaml): what it changes as fractions of an
/// enterprise's baseline, what it costs and how long it takes. Sized per enterprise by <see cref="AdoptionRule"/>.
/// </summary>
public sealed record AbatementOption
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Industry catalogue ids that can adopt it; empty means every industry.</summary>
    public IReadOnlyList<string> Industries { get; init; } = [];
    /// <summary>An option that must be adopted before or in the same decision (storage needs on-site PV); null: none.</summary>
    public string? Requires { get; init; }
    public OptionEffect Effect { get; init; } = new();
    public PvSizing? Pv { get; init; }
    public StorageSizing? Storage { get; init; }
    public GreenPowerSizing? GreenPower { get; init; }
    /// <summary>Capex in CNY per unit of <see cref="CapexBasis"/>, before learning.</summary>
    public required double CapexCny { get; init; }
    public required CapexBasis CapexBasis { get; init; }
    /// <summary>Yearly opex as a share of capex (maintenance).</summary>
    public double OpexShareOfCapex { get; init; }
    /// <summary>Yearly opex per tCO2 abated (CCUS: capture energy, transport, storage; substitute materials).</summary>
    public double OpexCnyPerTco2 { get; init; }
    public required int LifetimeYears { get; init; }
    public required int BuildMonths { get; init; }
    /// <summary>Share by which capex falls per doubling of cumulative adoption (Wright's law).</summary>
    public required double LearningRate { get; init; }
    /// <summary>Adoptions in the province before the run: where the learning curve starts (multiplier 1).</summary>
    public required double InstalledBase { get; init; }
    public required string Source { get; init; }

    public bool AppliesTo(string industry) => Industries.Count == 0 || Industries.Contains(industry, StringComparer.Ordinal);
}

/// <summary>What the option changes, as fractions of the enterprise's baseline (0 = unchanged).</summary>
public sealed record OptionEffect
{
    /// <summary>Share of fuel burnt (and so of combustion Scope 1) cut.</summary>
    public double FuelCut { get; init; }
    /// <summary>Share of process CO2 cut.</summary>
    public double ProcessCut { get; init; }
    /// <summary>Change of electricity as a share of baseline electricity: negative saves, positive adds load.</summary>
    public double ElectricityChange { get; init; }
    /// <summary>Share of purchased heat cut.</summary>
    public double HeatCut { get; init; }
    /// <summary>Share of Scope 1 (after the other cuts) captured and stored.</summary>
    public double CapturedShare { get; init; }
    /// <summary>Coefficient of performance of the heat pumps that replace the cut fuel and heat; 0: no electrification.</summary>
    public double HeatPumpCop { get; init; }
    /// <summary>Useful heat per unit of fuel energy of the boilers being replaced.</summary>
    public double BoilerEfficiency { get; init; } = 1;
}

/// <summary>On-site PV covering <see cref="ShareOfDemand"/> of baseline electricity at <see cref="CapacityFactor"/>, at most <see cref="MaxMW"/>.</summary>
public sealed record PvSizing(double ShareOfDemand, double CapacityFactor, double MaxMW);

/// <summary>Storage of <see cref="PowerShareOfPv"/> × the PV's MW for <see cref="Hours"/>, cycled on the time-of-use spread.</summary>
public sealed record StorageSizing(double PowerShareOfPv, double Hours, double CyclesPerYear, double RoundTripEfficiency);

/// <summary>A green-power contract for <see cref="ShareOfDemand"/> of the enterprise's electricity.</summary>
public sealed record GreenPowerSizing(double ShareOfDemand);

/// <summary>What the capex of an option is quoted per.</summary>
public enum CapexBasis
{
    /// <summary>CNY per tce/yr of the enterprise's baseline energy use.</summary>
    TceYr,
    /// <summary>CNY per MWh/yr of baseline electricity.</summary>
    MWhYr,
    /// <summary>CNY per GJ/yr of useful heat electrified.</summary>
    GJYrHeat,
    /// <summary>CNY per kW of PV.</summary>
    KwPv,
    /// <summary>CNY per kWh of storage.</summary>
    KwhStorage,
    /// <summary>CNY per tCO2/yr abated by the option.</summary>
    Tco2YrAbated,
    /// <summary>No capex.</summary>
    None,
}
