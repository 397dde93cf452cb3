using ParkTwin.Domain.Markets;

namespace ParkTwin.Simulation.Markets;

/// <summary>
/// Where the market stage sends its operations: the Domain registries in this process (flat kernel) or the market
/// grains of the run's world. Both apply the same operations with the same ids, so both give the same results.
/// A rejected operation is a fault of the stage, not of a user: it throws.
/// </summary>
public interface IMarketDesk
{
    Task GreenAsync(object operation);
    Task<SessionResult?> GreenSessionAsync(YearMonth month);
    Task<GreenPowerTotals> GreenTotalsAsync();
    Task CertificatesAsync(object operation);
    Task<CertificateTotals> CertificateTotalsAsync();
    Task CarbonAsync(object operation);
    Task<AllowanceAccount?> CarbonAccountAsync(string account);
    Task<ComplianceRecord?> ComplianceAsync(string account, int year);
    Task<SessionResult[]> CarbonSessionsAsync();
    Task<ReserveDecision[]> CarbonReserveDecisionsAsync();
    Task<AllowanceTotals> AllowanceTotalsAsync();
    /// <summary>Every registry's invariant violations (empty when all hold).</summary>
    Task<string[]> CheckInvariantsAsync();
}

static class Outcome
{
    public static void Require(OperationResult result, object operation)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"the market stage's {operation.GetType().Name} was rejected: {result.Reason}");
    }

    public static void Require(OperationResult[] results, object batch)
    {
        foreach (var result in results) Require(result, batch);
    }
}
