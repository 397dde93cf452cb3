using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

/// <summary>Continuous sessions, the price floor and ceiling and the market stability reserve of the allowance registry, worked by hand.</summary>
public sealed class CarbonStabilityTests
{
    static readonly YearMonth March = new(2024, 3);

    static void Ok(OperationResult result) => Assert.True(result.Status == OperationStatus.Applied, result.ToString());

    static void Refused(OperationResult result, string reasonPart)
    {
        Assert.Equal(OperationStatus.Rejected, result.Status);
        Assert.Contains(reasonPart, result.Reason);
    }

    static AllowanceRegistry Registry()
    {
        var r = new AllowanceRegistry();
        foreach (var a in new[] { "S", "B", "C" }) Ok(r.Apply(new OpenAccount($"open-{a}", a)));
        Ok(r.Apply(new IssueAllowances("alloc-S", "S", 2024, 1000)));
        Ok(r.Apply(new DepositCash("cash-B", "B", 10_000m)));
        Ok(r.Apply(new DepositCash("cash-C", "C", 10_000m)));
        return r;
    }

    static ContinuousOrder Offer(string id, string account, double q, double p) => new(id, account, OrderSide.Offer, q, p);
    static ContinuousOrder Bid(string id, string account, double q, double p) => new(id, account, OrderSide.Bid, q, p);

    [Fact]
    public void A_continuous_session_settles_each_trade_exactly_and_is_idempotent()
    {
        var r = Registry();
        var session = new RunContinuousAllowanceSession("x1", March, [Offer("s", "S", 10, 50), Offer("s2", "S", 5, 45), Bid("b", "B", 12, 60), Bid("c", "C", 10, 44)]);
        Ok(r.Apply(session));
        // b takes s2 5 @ 45 and s 7 @ 50; c (44) crosses nothing; the rest is cancelled.
        Assert.Equal(12, r.Account("B")!.Allowances);
        Assert.Equal(10_000m - 225m - 350m, r.Account("B")!.Cash);
        Assert.Equal((988L, 575m), (r.Account("S")!.Allowances, r.Account("S")!.Cash));
        var recorded = Assert.Single(r.State.Sessions);
        Assert.Equal(SessionMechanism.Continuous, recorded.Mechanism);
        Assert.Equal(12m, recorded.Volume);
        Assert.Equal(Math.Round(575m / 12, 6), recorded.Price);
        Assert.Equal(OperationStatus.AlreadyApplied, r.Apply(session).Status);
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void A_continuous_session_refuses_uncovered_and_bad_orders_and_changes_nothing()
    {
        var r = Registry();
        Refused(r.Apply(new RunContinuousAllowanceSession("x1", March, [Offer("s", "S", 1001, 50)])), "holds 1000");
        Refused(r.Apply(new RunContinuousAllowanceSession("x2", March, [Bid("b", "B", 200, 60)])), "bids for 12000");
        Refused(r.Apply(new RunContinuousAllowanceSession("x3", March, [Bid("b", "B", 1.5, 60)])), "whole tonnes");
        Refused(r.Apply(new RunContinuousAllowanceSession("x4", March, [Bid("b", "B", 1, 60), Offer("s", "S", 1, double.NaN)])), "orders[1].price");
        Refused(r.Apply(new RunContinuousAllowanceSession("x5", March, [Bid("b", "Q", 1, 60)])), "unknown account 'Q'");
        Refused(r.Apply(new RunContinuousAllowanceSession("x6", March, [Offer("b", AllowanceRegistry.Reserve, 1, 60)])), "operated by the registry");
        Refused(r.Apply(new RunContinuousAllowanceSession("x7", March, [], PriceFloor: 50, PriceCeiling: 50)), "below the ceiling");
        Assert.Empty(r.State.Sessions);
        Assert.Equal(1000, r.Account("S")!.Allowances);
    }

    [Fact]
    public void The_stability_reserve_takes_intake_from_the_auction_volume_then_from_the_next_issue_and_releases_below_the_lower_threshold()
    {
        var r = Registry();
        Ok(r.Apply(new IssueAllowances("auction-2024", AllowanceRegistry.Auctioneer, 2024, 100)));
        // Circulation 1000 (S) > 500: intake ⌊0.24 × 1000⌋ = 240; the auctioneer has 100, 140 are withheld later.
        Ok(r.Apply(new RunStabilityReserve("msr-1", March, Upper: 500, Lower: 100, IntakeShare: 0.24, Release: 100)));
        Assert.Equal(new ReserveDecision("msr-1", March, 1000, 100, 140, 0), r.State.ReserveDecisions.Single());
        Assert.Equal(0, r.Account(AllowanceRegistry.Auctioneer)!.Allowances);
        Assert.Equal(100, r.Totals().InReserve);
        // Free allocations are untouched; the auctioneer's next issue gives 140 to the reserve first.
        Ok(r.Apply(new IssueAllowances("alloc-C", "C", 2025, 10)));
        Ok(r.Apply(new IssueAllowances("auction-2025", AllowanceRegistry.Auctioneer, 2025, 200)));
        Assert.Equal((10L, 60L, 240L), (r.Account("C")!.Allowances, r.Account(AllowanceRegistry.Auctioneer)!.Allowances, r.Totals().InReserve));
        Assert.Empty(r.CheckInvariants());

        // Circulation 1010 < 2000: 100 are released to the auctioneer.
        Ok(r.Apply(new RunStabilityReserve("msr-2", March.AddMonths(1), Upper: 5000, Lower: 2000, IntakeShare: 0.24, Release: 100)));
        Assert.Equal((160L, 140L), (r.Account(AllowanceRegistry.Auctioneer)!.Allowances, r.Totals().InReserve));
        // Between the thresholds nothing moves.
        Ok(r.Apply(new RunStabilityReserve("msr-3", March.AddMonths(2), Upper: 5000, Lower: 500, IntakeShare: 0.24, Release: 100)));
        Assert.Equal(new ReserveDecision("msr-3", March.AddMonths(2), 1010, 0, 0, 0), r.State.ReserveDecisions[^1]);
        // issued 1000 + 100 + 10 + 200 = 1310 = held 1170 + reserve 140.
        Assert.Equal((1310L, 1170L, 140L), (r.Totals().Issued, r.Totals().Held, r.Totals().InReserve));
        Refused(r.Apply(new RunStabilityReserve("msr-4", March, Upper: 100, Lower: 100, IntakeShare: 0.24, Release: 1)), "lower < upper");
        Refused(r.Apply(new RunStabilityReserve("msr-5", March, Upper: 200, Lower: 100, IntakeShare: 1.5, Release: 1)), "fraction");
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void At_the_ceiling_the_reserve_sells_and_at_the_floor_it_buys_back_with_what_it_earned()
    {
        var r = Registry();
        Ok(r.Apply(new IssueAllowances("auction-2024", AllowanceRegistry.Auctioneer, 2024, 300)));
        Ok(r.Apply(new RunStabilityReserve("msr", March, Upper: 500, Lower: 100, IntakeShare: 0.24, Release: 100)));
        Assert.Equal(240, r.Totals().InReserve);

        // B bids 50 @ 100, lowered to the ceiling 80; S's offer @ 90 is above the ceiling and left out. The reserve
        // offers its 240 @ 80 and is the marginal (partly filled) offer: 50 trade at 80.
        Ok(r.Apply(new RunAllowanceAuction("ceiling", March, PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 20, 90)], [new AccountOrder("b", "B", 50, 100)], PriceFloor: 40, PriceCeiling: 80)));
        Assert.Equal(80m, r.State.Sessions[^1].Price);
        Assert.Equal((50L, 6_000m), (r.Account("B")!.Allowances, r.Account("B")!.Cash));
        Assert.Equal((190L, 4_000m), (r.Totals().InReserve, r.Account(AllowanceRegistry.Reserve)!.Cash));
        Assert.Equal(1000, r.Account("S")!.Allowances);

        // S offers 150 @ 10, raised to the floor 40; C's bid @ 35 is below the floor and left out. The reserve bids
        // ⌊4000 / 40⌋ = 100 @ 40: 100 trade at 40.
        Ok(r.Apply(new RunAllowanceAuction("floor", March.AddMonths(1), PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 150, 10)], [new AccountOrder("c", "C", 30, 35)], PriceFloor: 40, PriceCeiling: 80)));
        Assert.Equal(40m, r.State.Sessions[^1].Price);
        Assert.Equal((900L, 4_000m), (r.Account("S")!.Allowances, r.Account("S")!.Cash));
        Assert.Equal((290L, 0m), (r.Totals().InReserve, r.Account(AllowanceRegistry.Reserve)!.Cash));
        Assert.Equal((0L, 10_000m), (r.Account("C")!.Allowances, r.Account("C")!.Cash));

        // Continuous: a bid above the ceiling rests at 80 and the reserve's offer, arriving last, fills it at 80.
        Ok(r.Apply(new RunContinuousAllowanceSession("cont", March.AddMonths(2), [Bid("c", "C", 10, 120)], PriceFloor: 40, PriceCeiling: 80)));
        Assert.Equal((10L, 9_200m), (r.Account("C")!.Allowances, r.Account("C")!.Cash));
        Assert.Equal(280, r.Totals().InReserve);
        Assert.All(r.State.Sessions.SelectMany(s => s.Fills), f => Assert.InRange(f.Price, 40m, 80m));
        var t = r.Totals();
        Assert.Equal(t.Issued, t.Held + t.Surrendered + t.Cancelled + t.InReserve);
        Assert.Equal(t.Deposited, t.Cash + t.PenaltiesCollected);
        Assert.Empty(r.CheckInvariants());
    }
}
