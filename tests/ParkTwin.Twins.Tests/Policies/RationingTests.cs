using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>Rationing orders: tiers, cut depth, exempt industries, the window's hours, and a demand-cut target.</summary>
public sealed class RationingTests
{
    // The order is in force on 8–14 August: hours [HourOf(8 Aug), HourOf(15 Aug)) of the year.
    static readonly DateOnly From = Day(8, 8), To = Day(8, 14);
    const int August = 7;
    static readonly double HalfQuantum = Math.Pow(2, -17);

    static readonly Dictionary<string, IndustryProfile> Industries = IndustryCatalogue.Default.All.ToDictionary(i => i.Id, StringComparer.Ordinal);

    /// <summary>
    /// An independent computation of what an enterprise would produce in the order's window: a twin of its
    /// baseline spec planned and settled day by day through August; the window's output is the month-to-date
    /// output at the window's end less that at its start. Also returns the whole of August.
    /// </summary>
    static (double Window, double August) OutputInWindow(PolicyRun baseline, EnterpriseSpec spec)
    {
        var settings = baseline.Year.Model.Settings;
        var calendar = TwinFactory.Calendar(Year);
        var twin = TwinFactory.Enterprise(spec, Industries[spec.Industry], settings);
        var (start, end) = (calendar.HourOf(From), calendar.HourOf(To.AddDays(1)));
        double atStart = 0, atEnd = 0;
        foreach (var day in calendar.Ticks(TickLength.Day).Where(t => calendar.MonthOf(t.StartHour) == August))
        {
            if (day.StartHour == start) atStart = twin.Ledger[August, Metric.Output];
            if (day.StartHour == end) atEnd = twin.Ledger[August, Metric.Output];
            twin.Settle(day, [], [], []);
        }
        return (atEnd - atStart, twin.Ledger[August, Metric.Output]);
    }

    [Fact]
    public async Task A_full_cut_stops_the_targets_in_the_window_hours_only_and_leaves_exempt_and_untargeted_enterprises_as_they_were()
    {
        // One tier of every industry (empty list), in park P003, food and electronics exempt.
        var order = new Rationing
        {
            Kind = "rationing", From = From, To = To, Target = new PolicyTarget { Parks = ["P003"] },
            Tiers = [new RationingTier([], 1.0)], Exempt = ["food", "electronics"],
        };
        var baseline = await Baseline;
        var run = await RunAsync(Scenario([order]));

        var cut = 0;
        foreach (var spec in baseline.Enterprises)
        {
            var (before, after) = (baseline.Enterprise(spec.Id), run.Enterprise(spec.Id));
            var targeted = spec.Park == "P003" && spec.Industry is not ("food" or "electronics");
            if (!targeted)
            {
                Untouched(before, after, $"{spec.Id} ({spec.Industry} in {spec.Park}, not rationed)", parkTouched: spec.Park == "P003");
                continue;
            }
            cut++;
            var (window, august) = OutputInWindow(baseline, spec);
            // The twin stepped by days books the same August as the run's month tick (books do not depend on the tick).
            Assert.Equal(before[August, Metric.Output], august);
            Assert.True(window > 0, $"{spec.Id} produces nothing in the window anyway");
            // Cut 1.0: nothing is produced in the window; every other hour is untouched, so the sums are exact.
            Assert.Equal(before[August, Metric.Output] - window, after[August, Metric.Output]);
            Identical(before, after, $"{spec.Id} outside August", Enumerable.Range(0, 12).Where(m => m != August));
        }
        Assert.True(cut > 5, $"only {cut} enterprises rationed");
    }

    [Fact]
    public async Task With_a_demand_cut_the_first_tier_is_cut_by_the_target_over_its_average_demand_and_the_second_tier_not_at_all()
    {
        var baseline = await Baseline;
        var factors = baseline.Year.Model.Settings.Factors;
        var chemicals = baseline.Enterprises.Where(e => e.Industry == "chemicals").ToArray();
        // The tier's average demand, MW: its annual electricity (output × electricity per unit) over the hours of the year.
        var hours = TwinFactory.Calendar(Year).Hours;
        var tierMW = chemicals.Sum(e => e.AnnualOutput * EnterpriseIntensity.Of(e, Industries[e.Industry], factors).ElectricityMWh) / hours;
        var order = new Rationing
        {
            Kind = "rationing", From = From, To = To, DemandCutMW = 0.4 * tierMW,
            Tiers = [new RationingTier(["chemicals"], 1.0), new RationingTier(["cement"], 1.0)],
        };
        var run = await RunAsync(Scenario([order]));
        var touchedParks = chemicals.Select(e => e.Park).ToHashSet();

        foreach (var spec in run.Enterprises)
        {
            var (before, after) = (baseline.Enterprise(spec.Id), run.Enterprise(spec.Id));
            if (spec.Industry != "chemicals")
            {
                // Cement (the second tier) is not needed: the first tier meets the target.
                Assert.Null(spec.Measures);
                Untouched(before, after, $"{spec.Id} ({spec.Industry})", touchedParks.Contains(spec.Park));
                continue;
            }
            var cut = Assert.Single(spec.Measures!.Cuts);
            Assert.Equal(0.4, cut.Share, 1e-12);
            var (window, _) = OutputInWindow(baseline, spec with { Measures = null });
            // Each window hour keeps 0.6 of its output, rounded to the quantum: within 2^-16 an hour of the exact share.
            var windowHours = (To.DayNumber - From.DayNumber + 1) * 24;
            Assert.True(Math.Abs(before[August, Metric.Output] - 0.4 * window - after[August, Metric.Output]) <= windowHours * 2 * HalfQuantum + 1e-9,
                $"{spec.Id}: August {after[August, Metric.Output]:R}, expected {before[August, Metric.Output] - 0.4 * window:R}");
        }
    }
}
