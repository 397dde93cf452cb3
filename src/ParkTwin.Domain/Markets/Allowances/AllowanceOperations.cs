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

/// <summary>Offsets count 1:1 against the obligation, up to the offset share (5 %) of the verified emissions.</summary>
public sealed record SurrenderOffsets(string OperationId, string Account, int Year, long Quantity);

/// <summary>
/// The deadline of a compliance year: each reported account's shortfall (obligation − surrendered) is fined
/// multiple × reference price per tonne — collected from its cash as far as it goes, the rest owed — and deducted
/// from its next allocation. Surplus allowances stay in the account (banking).
/// </summary>
public sealed record CloseCompliance(string OperationId, int Year, YearMonth Deadline);

/// <summary>
/// A call-auction session: sellers must hold what they offer, buyers must have the cash for their bids at their bid
/// prices. Quantities must be whole allowances.
/// </summary>
public sealed record RunAllowanceAuction(string OperationId, YearMonth Month, PricingRule Rule, IReadOnlyList<AccountOrder> Offers, IReadOnlyList<AccountOrder> Bids);

/// <summary>Allowances issued = held + surrendered + cancelled; offsets issued = held + surrendered; cash deposited = Σ cash + penalties collected.</summary>
public sealed record AllowanceTotals(long Issued, long Held, long Surrendered, long Cancelled, long OffsetsIssued, long OffsetsHeld, long OffsetsSurrendered,
    decimal Deposited, decimal Cash, decimal PenaltiesCollected, decimal PenaltiesOwed);
