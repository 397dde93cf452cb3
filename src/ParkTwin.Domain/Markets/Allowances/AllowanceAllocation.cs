namespace ParkTwin.Domain.Markets;

/// <summary>An account's verified output of its sector's benchmark product in a year (e.g. t clinker, MWh supplied).</summary>
public sealed record AllocationRequest(string Account, string Sector, double Output);

/// <summary>
/// An account's allocation: <paramref name="Computed"/> = benchmark × output × adjustment (before cap and rounding);
/// <paramref name="Free"/> goes to the account, <paramref name="Auctioned"/> to the auctioneer, who sells it in a session.
/// </summary>
public sealed record AllocationLine(string Account, string Sector, double Computed, long Free, long Auctioned);

/// <summary>Free allocation from benchmarks (pure): the simulation computes the lines, then issues them with <see cref="IssueAllowances"/>.</summary>
public static class AllowanceAllocation
{
    /// <summary>
    /// For each request: benchmark × output × adjustment; if the year has an absolute cap and the sum exceeds it,
    /// every line is scaled by cap / sum (so the rule does not depend on the order of requests); the auctioned share
    /// is then taken out. Whole allowances, rounded down, so the cap is never exceeded.
    /// </summary>
    public static IReadOnlyList<AllocationLine> Compute(EtsRules rules, int year, IReadOnlyList<AllocationRequest> requests, double? auctionShare = null, long? cap = null)
    {
        var levers = rules.Levers(year);
        var share = auctionShare ?? levers.AuctionShare;
        var limit = cap ?? levers.Cap;
        if (!(share is >= 0 and <= 1)) throw new InputException("auctionShare", $"must be a fraction (got {share})");
        for (var i = 0; i < requests.Count; i++)
            if (!double.IsFinite(requests[i].Output) || requests[i].Output < 0) throw new InputException($"requests[{i}].output", "must be a finite, non-negative number");
        var computed = requests.Select(r =>
        {
            var s = rules.Sector(r.Sector);
            return s.Benchmark.At(year) * r.Output * s.Adjustment.At(year);
        }).ToArray();
        var total = computed.Sum();
        var scale = limit is { } c && total > c ? c / total : 1.0;
        return requests.Select((r, i) =>
        {
            var whole = (long)Math.Floor(computed[i] * scale);
            var auctioned = (long)Math.Floor(whole * share);
            return new AllocationLine(r.Account, r.Sector, computed[i], whole - auctioned, auctioned);
        }).ToList();
    }
}
