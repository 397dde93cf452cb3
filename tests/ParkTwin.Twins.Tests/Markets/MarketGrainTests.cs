using ParkTwin.Twins.Tests.Grains;
using Orleans.Runtime;
using ParkTwin.Contracts;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Twins.Tests.Markets;

/// <summary>
/// Market grains under load: hundreds of parallel operations, each sent several times (retries of the same
/// operation id), with the grain deactivated midway; afterwards every operation counts exactly once and the
/// registry's invariants hold on the state reloaded from storage.
/// </summary>
public sealed class MarketGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    static readonly YearMonth June = new(2024, 6);
    static readonly string[] Buyers = ["E1", "E2", "E3", "E4", "E5"];

    static void Ok(OperationResult result) => Assert.True(result.Succeeded, result.ToString());

    /// <summary>
    /// Sends each operation <paramref name="copies"/> times, all at once, deactivating the grain at a few points.
    /// A message caught by a deactivation may be rejected (Orleans gives up forwarding it); the sender then resends
    /// the same operation, as any client of these grains must: the operation id makes that safe.
    /// </summary>
    static async Task<OperationResult[][]> SendWithRetriesAsync<T>(IReadOnlyList<T> operations, int copies, Func<T, Task<OperationResult>> send, Func<Task> deactivate)
    {
        async Task<OperationResult> SendUntilAnswered(T op)
        {
            for (var attempt = 1; ; attempt++)
            {
                try { return await send(op); }
                catch (OrleansMessageRejectionException) when (attempt < 10) { await Task.Delay(10 * attempt); }
            }
        }

        var tasks = new List<Task<OperationResult[]>>();
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            tasks.Add(Task.WhenAll(Enumerable.Range(0, copies).Select(_ => SendUntilAnswered(op))));
            if (i % 97 == 50) tasks.Add(deactivate().ContinueWith(_ => Array.Empty<OperationResult>()));
        }
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task The_carbon_grain_runs_the_stability_reserve_and_bounded_continuous_sessions_once_across_a_deactivation()
    {
        var grain = fixture.Grains.GetGrain<ICarbonMarketGrain>(World("carbon-reserve"));
        foreach (var a in new[] { "S", "B" }) Ok(await grain.OpenAccountAsync(new OpenAccount($"open-{a}", a)));
        Ok(await grain.IssueAsync(new IssueAllowances("alloc-S", "S", 2024, 1000)));
        Ok(await grain.IssueAsync(new IssueAllowances("auction", AllowanceRegistry.Auctioneer, 2024, 300)));
        Ok(await grain.DepositAsync(new DepositCash("cash-B", "B", 10_000m)));
        var msr = new RunStabilityReserve("msr", June, Upper: 500, Lower: 100, IntakeShare: 0.24, Release: 0);
        Ok(await grain.RunStabilityReserveAsync(msr));
        var session = new RunContinuousAllowanceSession("cont", June, [new ContinuousOrder("b", "B", OrderSide.Bid, 50, 120)], PriceFloor: 40, PriceCeiling: 80);
        Ok(await grain.RunContinuousAsync(session));
        await grain.DeactivateAsync();
        Assert.Equal(OperationStatus.AlreadyApplied, (await grain.RunStabilityReserveAsync(msr)).Status);
        Assert.Equal(OperationStatus.AlreadyApplied, (await grain.RunContinuousAsync(session)).Status);
        // Intake 240 from the auction volume; B's bid, lowered to the ceiling, bought 50 of them from the reserve at 80.
        Assert.Equal(new ReserveDecision("msr", June, 1000, 240, 0, 0), Assert.Single(await grain.GetReserveDecisionsAsync()));
        var totals = await grain.GetTotalsAsync();
        Assert.Equal(190, totals.InReserve);
        Assert.Equal(6_000m, (await grain.GetAccountAsync("B"))!.Cash);
        Assert.Empty(await grain.CheckInvariantsAsync());
    }

    [Fact]
    public async Task Certificate_transfers_with_retries_and_deactivations_count_once()
    {
        var grain = fixture.Grains.GetGrain<ICertificateRegistryGrain>(World("certs"));
        foreach (var a in Buyers.Append("pv")) Ok(await grain.OpenAccountAsync(new OpenAccount($"open-{a}", a)));
        Ok(await grain.IssueAsync(new IssueCertificates("issue-1", "pv", "PV-1", June, 5_000, Tradable: true)));

        var random = new Random(3);
        var transfers = Enumerable.Range(0, 300)
            .Select(i => new TransferCertificates($"t{i}", "pv", Buyers[i % Buyers.Length], random.Next(1, 20), June)).ToList();
        var results = await SendWithRetriesAsync(transfers, 3, op => grain.TransferAsync(op), grain.DeactivateAsync);
        await grain.DeactivateAsync();

        // Each operation: applied once, the copies AlreadyApplied; none refused (5,000 is enough).
        foreach (var copies in results.Where(r => r.Length > 0))
        {
            Assert.All(copies, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.Equal(1, copies.Count(r => r.Status == OperationStatus.Applied));
        }
        var sold = transfers.Sum(t => t.Quantity);
        foreach (var buyer in Buyers)
            Assert.Equal(transfers.Where(t => t.To == buyer).Sum(t => t.Quantity), await grain.GetUsableAsync(buyer, June));
        Assert.Equal(5_000 - sold, await grain.GetUsableAsync("pv", June));

        // Buyers retire in parallel (with retries), then nothing is left to sell twice.
        var retirements = Buyers.Select(b => new RetireCertificates($"r-{b}", b, 10, b, RetirementPurpose.Scope2Claim, June)).ToList();
        await SendWithRetriesAsync(retirements, 4, op => grain.RetireAsync(op), grain.DeactivateAsync);
        await grain.DeactivateAsync();
        Assert.Equal(new CertificateTotals(5_000, 5_000 - 50, 50, 0), await grain.GetTotalsAsync());
        Assert.Equal(10, await grain.GetRetiredForAsync("E1", RetirementPurpose.Scope2Claim, 2024));
        Assert.Empty(await grain.CheckInvariantsAsync());
    }

    [Fact]
    public async Task Allowance_trades_and_sessions_with_retries_and_deactivations_conserve_everything()
    {
        var grain = fixture.Grains.GetGrain<ICarbonMarketGrain>(World("carbon"));
        foreach (var a in Buyers)
        {
            Ok(await grain.OpenAccountAsync(new OpenAccount($"open-{a}", a)));
            Ok(await grain.DepositAsync(new DepositCash($"cash-{a}", a, 1_000_000m)));
            Ok(await grain.IssueAsync(new IssueAllowances($"alloc-{a}", a, 2024, 10_000)));
        }
        var random = new Random(5);
        var transfers = Enumerable.Range(0, 400).Select(i =>
        {
            var from = random.Next(Buyers.Length);
            var to = (from + 1 + random.Next(Buyers.Length - 1)) % Buyers.Length;
            return new TransferAllowances($"t{i}", Buyers[from], Buyers[to], random.Next(1, 30), random.Next(40, 90));
        }).ToList();
        var results = await SendWithRetriesAsync(transfers, 3, op => grain.TransferAsync(op), grain.DeactivateAsync);
        foreach (var copies in results.Where(r => r.Length > 0)) Assert.Equal(1, copies.Count(r => r.Status == OperationStatus.Applied));

        // Expected holdings: every transfer exactly once (no account can run out: 400 × 29 < 10,000 + ...).
        var expected = Buyers.ToDictionary(b => b, _ => (Allowances: 10_000L, Cash: 1_000_000m));
        foreach (var t in transfers)
        {
            expected[t.From] = (expected[t.From].Allowances - t.Quantity, expected[t.From].Cash + t.Quantity * t.Price);
            expected[t.To] = (expected[t.To].Allowances + t.Quantity, expected[t.To].Cash - t.Quantity * t.Price);
        }
        await grain.DeactivateAsync();
        foreach (var b in Buyers)
        {
            var account = (await grain.GetAccountAsync(b))!;
            Assert.Equal(expected[b], (account.Allowances, account.Cash));
        }

        // Auction sessions, each sent twice at once.
        var sessions = Enumerable.Range(1, 12).Select(m => new RunAllowanceAuction($"session-{m}", new YearMonth(2024, m), PricingRule.PayAsClear,
            [new AccountOrder("s", "E1", 100, 50 + m), new AccountOrder("s2", "E2", 100, 70)],
            [new AccountOrder("b", "E3", 150, 80), new AccountOrder("b2", "E4", 50, 60)])).ToList();
        await SendWithRetriesAsync(sessions, 2, op => grain.RunAuctionAsync(op), grain.DeactivateAsync);
        Assert.Equal(12, (await grain.GetSessionsAsync()).Length);

        // A compliance year closes once however often the deadline is sent.
        foreach (var b in Buyers) Ok(await grain.ReportAsync(new ReportEmissions($"report-{b}", b, 2024, 10_500)));
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.CloseComplianceAsync(new CloseCompliance("close-2024", 2024, new YearMonth(2025, 6)))));
        await grain.DeactivateAsync();
        var totals = await grain.GetTotalsAsync();
        Assert.Equal(50_000, totals.Issued);
        Assert.Equal(5_000_000m, totals.Cash + totals.PenaltiesCollected);
        Assert.True(totals.PenaltiesCollected > 0);
        Assert.Empty(await grain.CheckInvariantsAsync());
    }

    [Fact]
    public async Task Green_power_months_clear_once_and_survive_deactivation()
    {
        var grain = fixture.Grains.GetGrain<IGreenPowerMarketGrain>(World("green"));
        foreach (var a in new[] { "wind", "pv", "E1", "E2" })
        {
            Ok(await grain.OpenAccountAsync(new OpenAccount($"open-{a}", a)));
            Ok(await grain.DepositAsync(new DepositCash($"cash-{a}", a, 1_000_000m)));
        }
        var months = Enumerable.Range(1, 12).Select(m => new ClearGreenPowerMonth($"month-{m}", new YearMonth(2024, m), PricingRule.PayAsClear,
            [new AccountOrder("w", "wind", 120.5, 300), new AccountOrder("p", "pv", 80.25, 280)],
            [new AccountOrder("b1", "E1", 100, 420), new AccountOrder("b2", "E2", 60.125, 310)])).ToList();
        var results = await SendWithRetriesAsync(months, 3, op => grain.ClearMonthAsync(op), grain.DeactivateAsync);
        foreach (var copies in results.Where(r => r.Length > 0)) Assert.True(1 == copies.Count(r => r.Status == OperationStatus.Applied), string.Join(", ", copies.Select(c => c.ToString())));
        // Collect every idle activation too: what follows reads the state back from grain storage.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(OperationStatus.AlreadyApplied, (await grain.ClearMonthAsync(months[0])).Status);

        // Each month: pv 80.25 @ 280 and wind @ 300 against E1 100 @ 420 and E2 60.125 @ 310: all 160.125 MWh
        // trade; wind is marginal (partly filled), so the price is 300.
        var session = (await grain.GetSessionAsync(new YearMonth(2024, 7)))!;
        Assert.Equal(300m, session.Price);
        Assert.Equal(160.125m, session.Volume);
        var e1 = (await grain.GetAccountAsync("E1"))!;
        Assert.Equal(1200m, e1.EnergyBought);
        Assert.Equal(1_000_000m - 12 * 100 * 300m, e1.Cash);
        var totals = await grain.GetTotalsAsync();
        Assert.Equal(totals.EnergySold, totals.EnergyBought);
        Assert.Equal(4_000_000m, totals.Cash);
        Assert.Empty(await grain.CheckInvariantsAsync());
    }

    /// <summary>A world no other test uses.</summary>
    static string World(string name) => $"m-{name}-{Guid.NewGuid():N}";
}
