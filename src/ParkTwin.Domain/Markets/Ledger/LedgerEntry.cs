namespace ParkTwin.Domain.Markets;

/// <summary>What a ledger entry moves.</summary>
public enum LedgerUnit
{
    /// <summary>Green certificates, one per MWh.</summary>
    Certificate,
    /// <summary>ETS allowances, one per tonne CO2.</summary>
    Allowance,
    /// <summary>Offset credits (CCER), one per tonne CO2.</summary>
    OffsetCredit,
    /// <summary>CNY.</summary>
    Money,
    /// <summary>Energy settled under a green-power contract, MWh.</summary>
    Energy,
}

/// <summary>
/// One movement of <paramref name="Quantity"/> units from an account to another. Besides enterprise accounts, the
/// ends may be the registry's books (<see cref="LedgerBooks"/>): where units are created or where they end.
/// </summary>
public sealed record LedgerEntry(string OperationId, LedgerUnit Unit, string From, string To, decimal Quantity);

/// <summary>The registry-side ends of ledger entries. Account ids cannot start with '@'.</summary>
public static class LedgerBooks
{
    public const string Issuance = "@issuance";
    public const string Deposit = "@deposit";
    public const string Retired = "@retired";
    public const string Expired = "@expired";
    public const string Surrendered = "@surrendered";
    public const string Cancelled = "@cancelled";
    public const string Penalties = "@penalties";
    /// <summary>A session's clearing house: sellers deliver to it, buyers receive from it, within one operation.</summary>
    public const string Clearing = "@clearing";
}
