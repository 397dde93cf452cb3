namespace ParkTwin.Simulation.Policies;

/// <summary>
/// Who a policy or shock applies to. Empty lists mean "not restricted by this"; all empty = the whole province.
/// An enterprise is a target when it matches every non-empty list (parks, prefectures, industries) or is named.
/// </summary>
public sealed record PolicyTarget
{
    public IReadOnlyList<string> Parks { get; init; } = [];
    public IReadOnlyList<string> Prefectures { get; init; } = [];
    public IReadOnlyList<string> Industries { get; init; } = [];
    public IReadOnlyList<string> Enterprises { get; init; } = [];

    public static readonly PolicyTarget Province = new();

    public bool IsProvince => Parks.Count == 0 && Prefectures.Count == 0 && Industries.Count == 0 && Enterprises.Count == 0;

    public bool Covers(string enterprise, string park, string prefecture, string industry) =>
        Enterprises.Count > 0
            ? Enterprises.Contains(enterprise)
            : (Parks.Count == 0 || Parks.Contains(park)) && (Prefectures.Count == 0 || Prefectures.Contains(prefecture))
              && (Industries.Count == 0 || Industries.Contains(industry));

    public string Describe() => IsProvince ? "province"
        : string.Join("; ", new[] { ("parks", Parks), ("prefectures", Prefectures), ("industries", Industries), ("enterprises", Enterprises) }
            .Where(p => p.Item2.Count > 0).Select(p => $"{p.Item1} {string.Join(", ", p.Item2)}"));
}

/// <summary>
/// One element of a scenario's policy timeline (docs/policies.md): in force from <see cref="From"/> to
/// <see cref="To"/> (inclusive; null = open-ended), for <see cref="Target"/>. <see cref="Line"/> is where it is in
/// the scenario file, for messages.
/// </summary>
public abstract record Policy
{
    public required string Kind { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public PolicyTarget Target { get; init; } = PolicyTarget.Province;
    public string Label { get; init; } = "";
    public int Line { get; init; }

    public bool InForce(DateOnly day) => day >= From && (To is null || day <= To);

    public bool InForceDuring(int year) => From.Year <= year && (To is null || To.Value.Year >= year);
}

// Command and control

/// <summary>An annual cap on the targets' Scope 1 + 2 (location-based) emissions, tCO2: either a limit or a reduction below expected.</summary>
public sealed record EmissionCap : Policy { public double? Limit { get; init; } public double? Reduction { get; init; } }

/// <summary>An annual cap on the targets' energy use, tce ("dual control"): either a limit or a reduction below expected.</summary>
public sealed record EnergyCap : Policy { public double? Limit { get; init; } public double? Reduction { get; init; } }

/// <summary>The targets must buy at least <see cref="Share"/> of their electricity green; they bid for it up to <see cref="MaxPrice"/> (CNY/MWh; null = the grid price).</summary>
public sealed record GreenShareMandate : Policy { public required double Share { get; init; } public double? MaxPrice { get; init; } }

/// <summary>Assets of <see cref="Technology"/> (an asset kind, e.g. coal_boiler) in the targets' parks stop from <see cref="Policy.From"/>.</summary>
public sealed record PhaseOut : Policy { public required string Technology { get; init; } }

/// <summary>One step of a rationing order: these industries (empty = every other industry) cut this share of output.</summary>
public sealed record RationingTier(IReadOnlyList<string> Industries, double Cut);

/// <summary>
/// A power-rationing order over [From, To]: tiers are curtailed in order; with <see cref="DemandCutMW"/> the order
/// stops once the expected cut of electricity demand reaches it, otherwise every tier is cut. Exempt industries are never cut.
/// </summary>
public sealed record Rationing : Policy
{
    public required IReadOnlyList<RationingTier> Tiers { get; init; }
    public IReadOnlyList<string> Exempt { get; init; } = [];
    public double? DemandCutMW { get; init; }
}

// Economic

/// <summary>The state pays <see cref="Share"/> of the capex of an abatement option (technology = its id) adopted while in force.</summary>
public sealed record CapexSubsidy : Policy { public required string Technology { get; init; } public required double Share { get; init; } }

/// <summary>A tax on the targets' Scope 1, CNY/tCO2.</summary>
public sealed record CarbonTax : Policy { public required double Rate { get; init; } }

/// <summary>A price floor and/or ceiling on the carbon market while in force (CNY/tCO2).</summary>
public sealed record CarbonPriceBounds : Policy { public double? Floor { get; init; } public double? Ceiling { get; init; } }

/// <summary>The state pays the targets <see cref="Discount"/> CNY per MWh of green power they buy.</summary>
public sealed record GreenPowerDiscount : Policy { public required double Discount { get; init; } }

/// <summary>Green investments of the targets are financed at <see cref="Rate"/> (a year) where it is below their hurdle rate.</summary>
public sealed record GreenLoan : Policy { public required double Rate { get; init; } }

// Market

/// <summary>ETS allocation parameters for the years in force: multiplier on free allocation and the auctioned share.</summary>
public sealed record EtsAllocation : Policy { public double? AllocationFactor { get; init; } public double? AuctionShare { get; init; } }

/// <summary>
/// What ETS compliance counts: with <see cref="Indirect"/> the covered enterprises also answer for their purchased
/// electricity; with <see cref="RecogniseCertificates"/> the certificates they retire take those MWh out (market-based Scope 2).
/// </summary>
public sealed record EtsRecognition : Policy { public bool Indirect { get; init; } = true; public required bool RecogniseCertificates { get; init; } }

/// <summary>The share of a compliance obligation that offsets may cover.</summary>
public sealed record OffsetLimit : Policy { public required double Share { get; init; } }

// Information

/// <summary>A disclosure duty (kind "disclosure") or a pilot-park title (kind "pilot-title"): lowers the targets' hurdle rate (raises adoption propensity).</summary>
public sealed record InformationPolicy : Policy { public double? HurdleReduction { get; init; } }

// Coordination

/// <summary>
/// A lag in months before one department's data reaches another: channel "certificates-to-ets" (certificates
/// retired in month m count for ETS compliance from month m + N: later than December, the next year's) or
/// "subsidy-payment" (a subsidy is paid N months after the investment).
/// </summary>
public sealed record CoordinationDelay : Policy { public required string Channel { get; init; } public required int Months { get; init; } }

/// <summary>
/// A shock: "hydro-availability" (monthly multipliers on hydro inflow, keyed by month 1–12, in the years of [From, To])
/// or "output-change" (a multiplier on the targets' output over [From, To]).
/// </summary>
public sealed record Shock : Policy
{
    public IReadOnlyDictionary<int, double> Months { get; init; } = new Dictionary<int, double>();
    public double? Factor { get; init; }
}
