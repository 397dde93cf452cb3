using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>A phase-out retires the targets' assets of a technology from its start: a park's coal boilers stop, its enterprises buy that heat.</summary>
public sealed class PhaseOutTests
{
    [Fact]
    public async Task Coal_boilers_phased_out_from_July_raise_no_heat_from_July_and_the_parks_enterprises_buy_what_they_raised()
    {
        var baseline = await Baseline;
        var run = await RunAsync(Scenario([new PhaseOut { Kind = "phase-out", From = Day(7, 1), Target = new PolicyTarget { Parks = ["P005"] }, Technology = "coal_boiler" }]));
        var firstHalf = Enumerable.Range(0, 6).ToArray();
        var secondHalf = Enumerable.Range(6, 6).ToArray();

        Assert.All(run.Year.Model.Inventory.Assets.Where(a => a.Kind == Domain.Inventory.AssetKind.CoalBoiler),
            a => Assert.Equal(a.Park == "P005" ? Day(7, 1) : null, a.Retired));
        var (parkBefore, parkAfter) = (baseline.Park("P005"), run.Park("P005"));
        Identical(parkBefore, parkAfter, "P005 January–June", firstHalf);
        var raised = 0.0;
        foreach (var m in secondHalf)
        {
            Assert.True(parkBefore[m, Metric.HeatGenerated] > 0, $"P005's boilers raise no heat in month {m + 1} even before the phase-out");
            Assert.Equal(0, parkAfter[m, Metric.HeatGenerated]);
            raised += parkBefore[m, Metric.HeatGenerated];
        }

        var bought = 0.0;
        foreach (var spec in baseline.Enterprises)
        {
            var (before, after) = (baseline.Enterprise(spec.Id), run.Enterprise(spec.Id));
            if (spec.Park != "P005")
            {
                Identical(before, after, $"{spec.Id} in {spec.Park}");
                continue;
            }
            Identical(before, after, $"{spec.Id} January–June", firstHalf);
            foreach (var m in secondHalf)
            {
                // The heat the park's network gave it is bought instead; the demand does not change.
                Assert.Equal(before[m, Metric.HeatDemand], after[m, Metric.HeatDemand]);
                Assert.Equal(0, after[m, Metric.HeatPark]);
                Assert.Equal(before[m, Metric.HeatPurchased] + before[m, Metric.HeatPark], after[m, Metric.HeatPurchased]);
                Assert.Equal(before[m, Metric.Output], after[m, Metric.Output]);
                bought += after[m, Metric.HeatPurchased] - before[m, Metric.HeatPurchased];
            }
        }
        // What the boilers no longer raised is what the enterprises now buy (the boilers followed their demand): the
        // network's heat is split among the members hour by hour, each share rounded to the quantum (2^-16 GJ).
        var members = baseline.Enterprises.Count(e => e.Park == "P005");
        var hours = secondHalf.Sum(HoursOf);
        Assert.True(Math.Abs(raised - bought) <= members * hours * Math.Pow(2, -16), $"raised {raised:R}, bought {bought:R}");
        // The other parks' boilers keep running.
        Identical(baseline.Park("P002"), run.Park("P002"), "P002");
        Identical(baseline.Park("P007"), run.Park("P007"), "P007");
    }
}
