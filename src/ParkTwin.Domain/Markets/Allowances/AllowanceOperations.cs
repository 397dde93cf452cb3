namespace ParkTwin.Domain.Markets;

// Operations on the allowance registry (the carbon market). Allowances and offset credits are whole tonnes.

/// <summary>
/// Issues a year's allocation (an <see cref="AllocationLine"/>'s free part, or the auctioned part to the auctioneer).
/// A shortfall the account left in an earlier compliance year is deducted first.
/// </summary>
public sealed record IssueAllowances(string OperationId, string Account, int Year, long Quantity);

/// <summary>Issues offset credits (CCER, tCO2) to an account.</summary>
public sealed record IssueOffsetCredits(string OperationId, string Account, long Quantity);

/// <summary>Moves allowances from seller to buyer; the buyer pays quantity × price (0 for a transfer without payment).</summary>
public sealed record TransferAllowances(string OperationId, string From, string To, long Quantity, decimal Price);

/// <summary>Takes allowances out of circulation for good (voluntary cancellation).</summary>
public sealed record CancelAllowances(string OperationId, string Account, long Quantity);

/// <summary>The verified emissions of an account for a compliance year: its surrender obligation, tCO2.</summary>
public sealed record ReportEmissions(string OperationId, string Account, int Year, long VerifiedEmissions);

public sealed record SurrenderAllowances(string OperationId, string Account, int Year, long Quantity);

/// <summary>Offsets count 1:1 against the obligation, up to the offset share of the verified emissions (the rules' 5 %, or a policy's <paramref name="MaxShare"/>).</summary>
public sealed record SurrenderOffsets(string OperationId, string Account, int Year, long Quantity, double? MaxShare = null);

/// <summary>
/// The deadline of a compliance year: each reported account's shortfall (obligation − surrendered) is fined
/// multiple × reference price per tonne — collected from its cash as far as it goes, the rest owed — and deducted
/// from its next allocation. Surplus allowances stay in the account (banking).
/// </summary>
public sealed record CloseCompliance(string OperationId, int Year, YearMonth Deadline);

/// <summary>
/// A call-auction session: sellers must hold what they offer, buyers must have the cash for their bids at their bid
/// prices. Quantities must be whole allowances. With a price floor and/or ceiling (null = none) the orders are
/// bounded and the reserve takes part (<see cref="PriceBounds"/>).
/// </summary>
public sealed record RunAllowanceAuction(string OperationId, YearMonth Month, PricingRule Rule, IReadOnlyList<AccountOrder> Offers, IReadOnlyList<AccountOrder> Bids,
    double? PriceFloor = null, double? PriceCeiling = null);

/// <summary>
/// A continuous double-auction session over orders in arrival order (<see cref="ContinuousAuction"/>), with the
/// same coverage checks, whole tonnes and price bounds as <see cref="RunAllowanceAuction"/>.
/// </summary>
public sealed record RunContinuousAllowanceSession(string OperationId, YearMonth Month, IReadOnlyList<ContinuousOrder> Orders,
    double? PriceFloor = null, double? PriceCeiling = null);

/// <summary>
/// The market stability reserve's decision (docs/markets.md): circulation = allowances held by the accounts other
/// than the reserve and the auctioneer. Above <paramref name="Upper"/>: ⌊<paramref name="IntakeShare"/> ×
/// circulation⌋ go into the reserve, out of the auctioneer's volume, the rest withheld from its next issues. Below
/// <paramref name="Lower"/>: up to <paramref name="Release"/> come out of the reserve to the auctioneer (who sells
/// them in the next sessions), and any intake still due is dropped.
/// </summary>
public sealed record RunStabilityReserve(string OperationId, YearMonth Month, long Upper, long Lower, double IntakeShare, long Release);

/// <summary>What a <see cref="RunStabilityReserve"/> decided: the intake moved now and the part withheld later, or the release.</summary>
public sealed record ReserveDecision(string OperationId, YearMonth Month, long Circulation, long Intake, long IntakeDeferred, long Release);

/// <summary>
/// Allowances issued = held (by accounts other than the reserve) + surrendered + cancelled + in reserve; offsets
/// issued = held + surrendered; cash deposited = Σ cash (the reserve's included) + penalties collected.
/// </summary>
public sealed record AllowanceTotals(long Issued, long Held, long Surrendered, long Cancelled, long OffsetsIssued, long OffsetsHeld, long OffsetsSurrendered,
    decimal Deposited, decimal Cash, decimal PenaltiesCollected, decimal PenaltiesOwed, long InReserve = 0);
