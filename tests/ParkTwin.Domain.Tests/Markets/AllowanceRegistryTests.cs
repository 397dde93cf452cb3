using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

public sealed class AllowanceRegistryTests
{
    static void Ok(OperationResult result) => Assert.True(result.Status == OperationStatus.Applied, result.ToString());

    static void Refused(OperationResult result, string reasonPart)
    {
        Assert.Equal(OperationStatus.Rejected, result.Status);
        Assert.Contains(reasonPart, result.Reason);
    }

    static AllowanceRegistry WithAccounts(params string[] accounts)
    {
        var r = new AllowanceRegistry();
        foreach (var a in accounts) Ok(r.Apply(new OpenAccount($"open-{a}", a)));
        return r;
    }

    [Fact]
    public void Ets_data_file_loads_with_cement_and_steel_covered()
    {
        var rules = EtsRules.Default;
        Assert.Equal("cement", rules.SectorOfIndustry("cement")!.Id);
        Assert.Equal("steel", rules.SectorOfIndustry("steel")!.Id);
        Assert.Null(rules.SectorOfIndustry("chemicals"));
        Assert.Equal("chemicals", rules.SectorOfIndustry("chemicals", includeScenarioSectors: true)!.Id);
        Assert.Equal(5, rules.PenaltyMultiple);
        Assert.Equal(0.05, rules.OffsetMaxShare);
        Assert.Equal(62.36, rules.ReferencePrice.At(2025));
    }

    [Fact]
    public void Free_allocation_is_benchmark_times_output_times_adjustment_with_cap_and_auction_share()
    {
        var rules = EtsRules.Default;
        // 2024 clinker 0.860 t/t × 100,000 t × 1.0 = 86,000; steel 1.650 × 10,000 = 16,500.
        var lines = AllowanceAllocation.Compute(rules, 2024, [new("C1", "cement", 100_000), new("S1", "steel", 10_000)]);
        Assert.Equal([86_000L, 16_500L], lines.Select(l => l.Free));
        // Cap 51,250 = half the total: every line is halved; then 10 % auctioned.
        var capped = AllowanceAllocation.Compute(rules, 2024, [new("C1", "cement", 100_000), new("S1", "steel", 10_000)], auctionShare: 0.1, cap: 51_250);
        Assert.Equal([(38_700L, 4_300L), (7_425L, 825L)], capped.Select(l => (l.Free, l.Auctioned)));
        Assert.True(capped.Sum(l => l.Free + l.Auctioned) <= 51_250);
    }

    [Fact]
    public void Compliance_with_offsets_fine_and_deduction()
    {
        var r = WithAccounts("C1", "C2");
        Ok(r.Apply(new DepositCash("d1", "C1", 1_000_000m)));
        Ok(r.Apply(new IssueAllowances("a1", "C1", 2024, 900)));
        Ok(r.Apply(new IssueAllowances("a2", "C2", 2024, 1200)));
        Ok(r.Apply(new IssueOffsetCredits("o1", "C1", 100)));
        Ok(r.Apply(new ReportEmissions("e1", "C1", 2024, 1000)));
        Ok(r.Apply(new ReportEmissions("e2", "C2", 2024, 1000)));
        // Offsets: at most 5 % of 1000 = 50.
        Refused(r.Apply(new SurrenderOffsets("s0", "C1", 2024, 51)), "at most 50");
        Ok(r.Apply(new SurrenderOffsets("s1", "C1", 2024, 50)));
        Ok(r.Apply(new SurrenderAllowances("s2", "C1", 2024, 900)));
        Ok(r.Apply(new SurrenderAllowances("s3", "C2", 2024, 1000)));
        Refused(r.Apply(new SurrenderAllowances("s4", "C2", 2024, 1)), "owes 0");
        // No trade in 2025-05 → the fine uses the 2024 reference price (97.0): 50 t × 5 × 97 = 24,250.
        Ok(r.Apply(new CloseCompliance("close", 2024, new YearMonth(2025, 6))));
        var c1 = r.Compliance("C1", 2024)!;
        Assert.Equal(50, c1.Shortfall);
        Assert.Equal(24_250m, c1.Penalty);
        Assert.Equal(1_000_000m - 24_250m, r.Account("C1")!.Cash);
        Assert.Equal(200, r.Account("C2")!.Allowances); // banked
        // Next year's allocation comes 50 short.
        Ok(r.Apply(new IssueAllowances("a3", "C1", 2025, 800)));
        Assert.Equal(750, r.Account("C1")!.Allowances);
        Refused(r.Apply(new SurrenderAllowances("late", "C1", 2024, 1)), "closed");
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void Fine_uses_the_average_auction_price_of_the_month_before_the_deadline_and_is_owed_when_cash_runs_out()
    {
        var r = WithAccounts("S", "B");
        Ok(r.Apply(new IssueAllowances("a1", "S", 2024, 100)));
        Ok(r.Apply(new DepositCash("d1", "B", 10_000m)));
        Ok(r.Apply(new RunAllowanceAuction("x1", new YearMonth(2025, 5), PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 100, 60)], [new AccountOrder("b", "B", 100, 80)])));
        // One-order curves meeting vertically: price 70.
        Assert.Equal(100, r.Account("B")!.Allowances);
        Assert.Equal(3_000m, r.Account("B")!.Cash);
        Assert.Equal(7_000m, r.Account("S")!.Cash);
        Ok(r.Apply(new ReportEmissions("e1", "B", 2024, 200)));
        Ok(r.Apply(new SurrenderAllowances("s1", "B", 2024, 100)));
        Ok(r.Apply(new CloseCompliance("close", 2024, new YearMonth(2025, 6))));
        // 100 t × 5 × 70 = 35,000 due; 3,000 collected, 32,000 owed.
        Assert.Equal(35_000m, r.Compliance("B", 2024)!.Penalty);
        Assert.Equal(0m, r.Account("B")!.Cash);
        Assert.Equal(32_000m, r.Account("B")!.PenaltyOwed);
        Assert.Equal(3_000m, r.Totals().PenaltiesCollected);
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void Pay_as_bid_session_leaves_the_surplus_with_the_auctioneer()
    {
        var r = WithAccounts("S", "B");
        Ok(r.Apply(new IssueAllowances("a1", "S", 2024, 10)));
        Ok(r.Apply(new DepositCash("d1", "B", 1_000m)));
        Ok(r.Apply(new RunAllowanceAuction("x1", new YearMonth(2024, 7), PricingRule.PayAsBid,
            [new AccountOrder("s", "S", 10, 50)], [new AccountOrder("b", "B", 10, 60)])));
        Assert.Equal(500m, r.Account("S")!.Cash);
        Assert.Equal(400m, r.Account("B")!.Cash);
        Assert.Equal(100m, r.Account(AllowanceRegistry.Auctioneer)!.Cash);
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void Sessions_refuse_uncovered_orders_and_change_nothing()
    {
        var r = WithAccounts("S", "B");
        Ok(r.Apply(new IssueAllowances("a1", "S", 2024, 10)));
        Ok(r.Apply(new DepositCash("d1", "B", 100m)));
        Refused(r.Apply(new RunAllowanceAuction("x1", new YearMonth(2024, 7), PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 11, 50)], [new AccountOrder("b", "B", 1, 60)])), "holds 10");
        Refused(r.Apply(new RunAllowanceAuction("x2", new YearMonth(2024, 7), PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 10, 50)], [new AccountOrder("b", "B", 10, 60)])), "has 100");
        Refused(r.Apply(new RunAllowanceAuction("x3", new YearMonth(2024, 7), PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 1.5, 50)], [])), "whole tonnes");
        Refused(r.Apply(new RunAllowanceAuction("x4", new YearMonth(2024, 7), PricingRule.PayAsClear,
            [new AccountOrder("s", "S", 1, double.NaN)], [])), "offers[0].price");
        Assert.Equal(10, r.Account("S")!.Allowances);
        Assert.Equal(100m, r.Account("B")!.Cash);
        Assert.Empty(r.State.Sessions);
    }

    [Fact]
    public void Transfers_and_cancellation()
    {
        var r = WithAccounts("A", "B");
        Ok(r.Apply(new IssueAllowances("a1", "A", 2024, 10)));
        Ok(r.Apply(new DepositCash("d1", "B", 100m)));
        Ok(r.Apply(new TransferAllowances("t1", "A", "B", 4, 20m)));
        Assert.Equal((6L, 80m), (r.Account("A")!.Allowances, r.Account("A")!.Cash));
        Assert.Equal((4L, 20m), (r.Account("B")!.Allowances, r.Account("B")!.Cash));
        Refused(r.Apply(new TransferAllowances("t2", "A", "B", 7, 0m)), "holds 6");
        Refused(r.Apply(new TransferAllowances("t3", "A", "Q", 1, 0m)), "unknown account 'Q'");
        Refused(r.Apply(new TransferAllowances("t4", "A", "B", 1, -1m)), "price must not be negative");
        Ok(r.Apply(new CancelAllowances("c1", "B", 4)));
        Assert.Equal(new AllowanceTotals(10, 6, 0, 4, 0, 0, 0, 100m, 100m, 0m, 0m), r.Totals());
        Assert.Empty(r.CheckInvariants());
    }
}
