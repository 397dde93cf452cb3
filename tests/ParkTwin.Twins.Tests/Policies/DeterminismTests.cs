using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>A scenario year with policies is a function of the scenario: prepared and run twice, the same books and rows.</summary>
public sealed class DeterminismTests
{
    static Simulation.Scenarios.Scenario WithPolicies() => Scenario(
    [
        new Rationing { Kind = "rationing", From = Day(8, 8), To = Day(8, 14), Tiers = [new RationingTier(["chemicals"], 1.0), new RationingTier([], 0.5)], DemandCutMW = 20 },
        new EmissionCap { Kind = "emission-cap", From = Day(3, 15), Target = new PolicyTarget { Industries = ["cement"] }, Reduction = 0.1 },
        new PhaseOut { Kind = "phase-out", From = Day(7, 1), Target = new PolicyTarget { Parks = ["P005"] }, Technology = "coal_boiler" },
        new EtsAllocation { Kind = "ets-allocation", From = Day(1, 1), AllocationFactor = 0.9 },
        new EtsRecognition { Kind = "ets-recognition", From = Day(1, 1), Indirect = true, RecogniseCertificates = true },
        new GreenShareMandate { Kind = "green-share-mandate", From = Day(1, 1), Target = new PolicyTarget { Industries = ["steel"] }, Share = 0.2 },
        new CarbonTax { Kind = "carbon-tax", From = Day(1, 1), Rate = 40 },
    ],
    [new Shock { Kind = "hydro-availability", From = Day(1, 1), Months = new Dictionary<int, double> { [2] = 0.8, [8] = 0.6 } }],
    ShippedMarkets());

    [Fact]
    public async Task The_same_scenario_with_policies_prepared_and_run_twice_gives_identical_books_and_rows()
    {
        var first = await RunAsync(WithPolicies());
        var second = await RunAsync(WithPolicies());

        Assert.Equal(first.Books.Enterprises.Length, second.Books.Enterprises.Length);
        foreach (var ((id, a), (_, b)) in first.Books.Enterprises.Zip(second.Books.Enterprises)) Identical(a, b, id);
        foreach (var ((id, a), (_, b)) in first.Books.Parks.Zip(second.Books.Parks)) Identical(a, b, id);
        Identical(first.Books.ProvinceParks, second.Books.ProvinceParks, "parks");
        Identical(first.Books.Grid, second.Books.Grid, "grid");
        Assert.Equal(first.Rows, second.Rows);
        // Not trivially: the policies did something.
        var baseline = await MarketBaseline;
        Assert.NotEqual(baseline.Books.ProvinceParks.YearTotals()[Metric.Output], first.Books.ProvinceParks.YearTotals()[Metric.Output]);
    }
}
