using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkTwin.Domain.Markets;

/// <summary>
/// The ledger of one registry: its entries and the operation ids it has applied, each with a fingerprint of the
/// operation's content. Plain data (it is part of a registry's persisted state).
/// </summary>
public sealed class OperationLog
{
    public Dictionary<string, string> Applied { get; set; } = new(StringComparer.Ordinal);
    public List<LedgerEntry> Entries { get; set; } = [];

    static readonly JsonSerializerOptions FingerprintOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        // Optional fields left null (e.g. a session without price bounds) do not change an operation's fingerprint.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Applies an operation at most once. <paramref name="apply"/> must validate everything before it changes
    /// anything and signal a refusal by throwing <see cref="OperationRejected"/>; then the registry is unchanged.
    /// Only applied operations are remembered: a refused operation may be retried once its cause is gone.
    /// </summary>
    internal OperationResult Run(string operationId, object operation, Func<IEnumerable<LedgerEntry>> apply)
    {
        if (string.IsNullOrEmpty(operationId)) return OperationResult.Rejected("operation id is required");
        var fingerprint = operation.GetType().Name + JsonSerializer.Serialize(operation, operation.GetType(), FingerprintOptions);
        if (Applied.TryGetValue(operationId, out var seen))
            return seen == fingerprint
                ? OperationResult.AlreadyApplied
                : OperationResult.Rejected($"operation id '{operationId}' was already used for a different operation");
        List<LedgerEntry> entries;
        try { entries = apply().ToList(); }
        catch (OperationRejected e) { return OperationResult.Rejected(e.Message); }
        Applied[operationId] = fingerprint;
        Entries.AddRange(entries);
        return OperationResult.Applied;
    }

    /// <summary>Balances per (unit, account) replayed from the entries; the registry books (ids starting with '@') included.</summary>
    public Dictionary<(LedgerUnit Unit, string Account), decimal> Balances()
    {
        var balances = new Dictionary<(LedgerUnit, string), decimal>();
        foreach (var e in Entries)
        {
            balances[(e.Unit, e.From)] = balances.GetValueOrDefault((e.Unit, e.From)) - e.Quantity;
            balances[(e.Unit, e.To)] = balances.GetValueOrDefault((e.Unit, e.To)) + e.Quantity;
        }
        return balances;
    }
}

/// <summary>Validation helpers shared by the registries; each throws <see cref="OperationRejected"/>.</summary>
static class Require
{
    public static void That(bool condition, string reason)
    {
        if (!condition) throw new OperationRejected(reason);
    }

    public static void Positive(long quantity, string what) => That(quantity > 0, $"{what} must be positive (got {quantity})");

    public static void Amount(decimal amount, string what) => That(amount >= 0, $"{what} must not be negative (got {amount})");

    public static void Amount(double value, string what)
    {
        That(double.IsFinite(value), $"{what} must be a finite number (got {value})");
        That(value >= 0, $"{what} must not be negative (got {value})");
    }

    public static void Month(YearMonth month, string what) => That(month.IsValid, $"{what} must be a valid month (got {month.Year}-{month.Month})");

    public static void AccountName(string? account, string what) =>
        That(!string.IsNullOrEmpty(account) && !account.StartsWith('@'), $"{what} must be a non-empty account id not starting with '@'");
}
