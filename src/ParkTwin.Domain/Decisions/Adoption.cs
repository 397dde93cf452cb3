namespace ParkTwin.Domain.Decisions;

/// <summary>
/// An option an enterprise adopted: decided on 1 January of <see cref="DecidedYear"/>, in effect from the first day
/// of month <see cref="EffectiveMonth"/> (0-11) of <see cref="EffectiveYear"/>. Money in CNY; abatement tCO2/yr
/// (direct and indirect); cost per tonne null when the option abates nothing (storage).
/// </summary>
public sealed record Adoption(
    string Enterprise, string Option, int DecidedYear, int EffectiveYear, int EffectiveMonth,
    double Capex, double Subsidy, double AnnualAbatementTco2, double Npv, double? CostPerTonne)
{
    public string Industry { get; init; } = "";
    /// <summary>Park of the enterprise: where adopted PV and storage sit.</summary>
    public string? Park { get; init; }
    /// <summary>What the adoption changes for this enterprise.</summary>
    public AdoptionEffect Effect { get; init; } = AdoptionEffect.Unchanged;

    /// <summary>First day the adoption is in effect.</summary>
    public DateOnly EffectiveFrom => new(EffectiveYear, EffectiveMonth + 1, 1);
}

/// <summary>
/// An option's effect sized for one enterprise: multipliers on its per-output fuel, process CO2, electricity and
/// heat, the share of Scope 1 captured, and the assets or contract it brings.
/// </summary>
public sealed record AdoptionEffect
{
    public double Fuel { get; init; } = 1;
    public double Process { get; init; } = 1;
    public double Electricity { get; init; } = 1;
    public double Heat { get; init; } = 1;
    public double Captured { get; init; }
    public double PvMW { get; init; }
    public double StorageMW { get; init; }
    public double StorageMWh { get; init; }
    /// <summary>Share of the enterprise's electricity contracted green (the market layer signs the contract).</summary>
    public double GreenShare { get; init; }

    public static readonly AdoptionEffect Unchanged = new();
}

/// <summary>Why a considered option was not adopted.</summary>
public enum RejectionReason
{
    /// <summary>NPV at the enterprise's discount rate is not positive.</summary>
    NegativeNpv,
    /// <summary>Positive NPV, but its net capex exceeds what is left of the year's budget.</summary>
    OverBudget,
    /// <summary>Positive NPV, but the option it needs (storage: on-site PV) is not adopted.</summary>
    RequiresOption,
}

/// <summary>An option considered and not adopted, with its appraisal: the bottleneck view.</summary>
public sealed record Rejection(
    string Enterprise, string Option, int Year, double Npv, double NetCapex, double AnnualAbatementTco2,
    double? CostPerTonne, RejectionReason Reason)
{
    public string Industry { get; init; } = "";
}

/// <summary>One enterprise's decision for a year: what it adopted, what it considered and rejected, budget left.</summary>
public sealed record DecisionOutcome(IReadOnlyList<Adoption> Adopted, IReadOnlyList<Rejection> Rejected, double BudgetLeft)
{
    public static readonly DecisionOutcome Nothing = new([], [], 0);
}
