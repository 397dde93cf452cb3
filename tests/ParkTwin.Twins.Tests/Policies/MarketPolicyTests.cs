using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>Market policies with the shipped markets (ScenarioLoader.MergedMarkets(null)) and a local desk.</summary>
public sealed class MarketPolicyTests
{
    static readonly DateOnly January1 = Day(1, 1);

    static IEnumerable<string> Covered(PolicyRun run) => run.Rows.Where(r => r.Metric == "allocated_preliminary").Select(r => r.Entity);

    [Fact]
    public async Task An_allocation_factor_a_price_floor_and_an_offset_limit_take_effect_as_documented()
    {
        const double floor = 105, share = 0.01;
        var baseline = await MarketBaseline;
        var run = await RunAsync(Scenario(
        [
            new EtsAllocation { Kind = "ets-allocation", From = January1, AllocationFactor = 0.8 },
            new CarbonPriceBounds { Kind = "carbon-price-bounds", From = Day(7, 1), Floor = floor },
            new OffsetLimit { Kind = "offset-limit", From = January1, Share = share },
        ], markets: ShippedMarkets()));
        var year = Year.ToString();

        // Allocation: the preliminary free allocation is floor(free × factor); at factor 1 it is the free allocation itself.
        Assert.NotEmpty(Covered(run));
        foreach (var id in Covered(run))
            Assert.Equal(Math.Floor(baseline.Row(id, year, "allocated_preliminary") * 0.8), run.Row(id, year, "allocated_preliminary"));

        // Price floor from July: every session of July–December clears at or above it; the tight quota makes them trade.
        var sessions = await run.Desk.CarbonSessionsAsync();
        var bounded = sessions.Where(s => s.Month.Month >= 7).ToArray();
        Assert.Contains(bounded, s => s.Volume > 0);
        Assert.All(bounded.Where(s => s.Price is not null), s => Assert.True(s.Price >= (decimal)floor, $"{s.Month}: {s.Price}"));
        Assert.All(bounded.SelectMany(s => s.Fills), f => Assert.True(f.Price >= (decimal)floor, $"fill at {f.Price}"));
        // Before it, prices went below it: the floor binds.
        Assert.True(sessions.Any(s => s.Month.Month < 7 && s.Price < (decimal)floor),
            string.Join("; ", sessions.Select(s => $"{s.Month} {s.Price} {s.Volume}")));

        // Offset limit: a short enterprise surrenders offsets = min(outstanding, floor(verified × share)).
        var limited = 0;
        foreach (var id in Covered(run))
        {
            var verified = run.Row(id, year, "verified_emissions");
            var outstanding = verified - run.Row(id, year, "surrendered");
            var expected = outstanding > 0 ? Math.Min(outstanding, Math.Floor(verified * share)) : 0;
            Assert.Equal(expected, run.Row(id, year, "offsets_surrendered"));
            if (outstanding > Math.Floor(verified * share) && expected > 0) limited++;
        }
        Assert.True(limited > 0, "no enterprise was held to the offset limit");
    }

    /// <summary>The verified obligation with indirect emissions: round(Scope 1 + max(0, purchased − recognised) × grid factor).</summary>
    static double Verified(PolicyRun run, string id, double recognised)
    {
        var t = run.Enterprise(id).YearTotals();
        var purchased = t[Metric.ElectricityGrid] + t[Metric.ElectricityGreen];
        return Math.Round(t[Metric.Scope1Combustion] + t[Metric.Scope1Process] + Math.Max(0, purchased - recognised) * run.Year.Model.Settings.Factors.GridFactor);
    }

    [Fact]
    public async Task Recognised_certificates_take_their_MWh_out_of_the_indirect_obligation_and_a_three_month_delay_carries_the_last_quarters_to_next_year()
    {
        var without = await RunAsync(Scenario([new EtsRecognition { Kind = "ets-recognition", From = January1, Indirect = true, RecogniseCertificates = false }], markets: ShippedMarkets()));
        var with = await RunAsync(Scenario([new EtsRecognition { Kind = "ets-recognition", From = January1, Indirect = true, RecogniseCertificates = true }], markets: ShippedMarkets()));
        var state = new Simulation.Scenarios.ScenarioState();
        var delayed = await RunAsync(Scenario(
        [
            new EtsRecognition { Kind = "ets-recognition", From = January1, Indirect = true, RecogniseCertificates = true },
            new CoordinationDelay { Kind = "coordination-delay", From = January1, Channel = "certificates-to-ets", Months = 3 },
        ], markets: ShippedMarkets()), state);
        var year = Year.ToString();
        var gridFactor = with.Year.Model.Settings.Factors.GridFactor;

        var retiring = 0;
        var carried = 0.0;
        foreach (var id in Covered(with))
        {
            var retired = with.Enterprise(id).YearTotals()[Metric.CertificatesRetired];
            // Without recognition: Scope 1 + all purchased electricity; with it: less the certificates retired.
            Assert.Equal(Verified(without, id, 0), without.Row(id, year, "verified_emissions"));
            Assert.Equal(Verified(with, id, retired), with.Row(id, year, "verified_emissions"));
            if (retired <= 0) continue;
            retiring++;
            // Same electricity in both runs (green replaces grid), so the difference is the certificates at the grid factor, to rounding.
            var difference = without.Row(id, year, "verified_emissions") - with.Row(id, year, "verified_emissions");
            Assert.InRange(difference, Math.Round(retired * gridFactor) - 1, Math.Round(retired * gridFactor) + 1);

            // A three-month delay: certificates retired in October–December reach next year's compliance.
            var ledger = delayed.Enterprise(id);
            var lastQuarter = ledger[9, Metric.CertificatesRetired] + ledger[10, Metric.CertificatesRetired] + ledger[11, Metric.CertificatesRetired];
            var inTime = Enumerable.Range(0, 9).Sum(m => ledger[m, Metric.CertificatesRetired]);
            Assert.Equal(Verified(delayed, id, inTime), delayed.Row(id, year, "verified_emissions"));
            Assert.Equal(lastQuarter, state.Carry.In[id]);
            carried += lastQuarter;
        }
        Assert.True(retiring > 0, "no covered enterprise retired certificates");
        Assert.True(carried > 0, "no certificates retired in October–December");

        // Next year, the carried certificates count with that year's January–September ones.
        var carry = state.Carry.In.ToDictionary();
        var next = await RunAsync(Scenario(
        [
            new EtsRecognition { Kind = "ets-recognition", From = January1, Indirect = true, RecogniseCertificates = true },
            new CoordinationDelay { Kind = "coordination-delay", From = January1, Channel = "certificates-to-ets", Months = 3 },
        ], markets: ShippedMarkets()) with { ToYear = Year + 1 }, state, Year + 1);
        var carriedIn = Covered(next).Where(id => carry.GetValueOrDefault(id) > 0).ToArray();
        Assert.NotEmpty(carriedIn);
        foreach (var id in carriedIn)
        {
            var ledger = next.Enterprise(id);
            var recognised = carry[id] + Enumerable.Range(0, 9).Sum(m => ledger[m, Metric.CertificatesRetired]);
            Assert.Equal(Verified(next, id, recognised), next.Row(id, (Year + 1).ToString(), "verified_emissions"));
        }
    }

    [Fact]
    public async Task A_mandate_makes_an_industry_buy_green_a_discount_is_paid_on_the_green_MWh_and_a_tax_on_Scope_1_from_its_start()
    {
        const double discount = 30, rate = 50;
        var baseline = await MarketBaseline;
        var run = await RunAsync(Scenario(
        [
            new GreenShareMandate { Kind = "green-share-mandate", From = January1, Target = new PolicyTarget { Industries = ["cement"] }, Share = 0.3 },
            new GreenPowerDiscount { Kind = "green-power-discount", From = January1, Target = new PolicyTarget { Industries = ["electronics"] }, Discount = discount },
            new CarbonTax { Kind = "carbon-tax", From = Day(7, 16), Target = new PolicyTarget { Industries = ["steel"] }, Rate = rate },
        ], markets: ShippedMarkets()));
        var cement = run.Enterprises.Where(e => e.Industry == "cement").Select(e => e.Id).ToArray();
        var electronics = run.Enterprises.Where(e => e.Industry == "electronics").Select(e => e.Id).ToArray();
        var steel = run.Enterprises.Where(e => e.Industry == "steel").Select(e => e.Id).ToArray();

        // Cement never buys green power of its own accord; mandated, it bids and gets some.
        Assert.All(cement, id => Assert.Equal(0, baseline.Enterprise(id).YearTotals()[Metric.ElectricityGreen]));
        Assert.Contains(cement, id => run.Enterprise(id).YearTotals()[Metric.ElectricityGreen] > 0);
        var shares = Enumerable.Range(1, 12).Select(m => run.Row("policy", $"{Year}-{m:00}", "mandate_green_share")).ToArray();
        Assert.Contains(shares, s => s > 0);

        for (var m = 0; m < 12; m++)
        {
            var period = $"{Year}-{m + 1:00}";
            // The discount: D × the targets' delivered green MWh of the month.
            var green = electronics.Sum(id => run.Enterprise(id)[m, Metric.ElectricityGreen]);
            Assert.Equal(Math.Round(discount * green, 2), run.Row("policy", period, "green_discount_paid"), 2);
            // The tax: R × the targets' Scope 1 of the month, on the share of the month's days in force (16–31 July: 16/31).
            var scope1 = steel.Sum(id => run.Enterprise(id)[m, Metric.Scope1Combustion] + run.Enterprise(id)[m, Metric.Scope1Process]);
            var inForce = m < 6 ? 0 : m == 6 ? 16.0 / 31 : 1;
            Assert.Equal(Math.Round(rate * inForce * scope1, 2), run.Row("policy", period, "carbon_tax"), 2);
        }
        Assert.True(electronics.Sum(id => run.Enterprise(id).YearTotals()[Metric.ElectricityGreen]) > 0, "electronics took no green power");
    }
}
