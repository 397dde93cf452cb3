namespace ParkTwin.Domain.Markets;

/// <summary>An account of the allowance registry: holdings, cash and what it owes. Plain data.</summary>
public sealed class AllowanceAccount
{
    public long Allowances { get; set; }
    public long Offsets { get; set; }
    public decimal Cash { get; set; }
    /// <summary>Shortfalls not yet deducted from an allocation.</summary>
    public long PendingDeduction { get; set; }
    /// <summary>Fines not collected for lack of cash.</summary>
    public decimal PenaltyOwed { get; set; }
}

/// <summary>An account's compliance for one year.</summary>
public sealed class ComplianceRecord
{
    public long VerifiedEmissions { get; set; }
    public long AllowancesSurrendered { get; set; }
    public long OffsetsSurrendered { get; set; }
    public bool Closed { get; set; }
    public long Shortfall { get; set; }
    public decimal Penalty { get; set; }

    public long Outstanding => Math.Max(0, VerifiedEmissions - AllowancesSurrendered - OffsetsSurrendered);
}

/// <summary>The volume and value traded in a month, for the fine's reference price.</summary>
public sealed class MonthlyTrade
{
    public long Volume { get; set; }
    public decimal Value { get; set; }
}
