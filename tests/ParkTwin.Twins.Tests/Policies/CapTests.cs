using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>
/// Emission and energy caps (dual control), met by an output quota on the months in force: kept = allowed / expected,
/// expected = Σ months (days/365) × annual output × per-unit emissions or energy, as EmissionCap / EnergyCap document.
/// An emission cap counts only the electricity and heat the park is not expected to supply (ParkSupplyExpectation):
/// its targets' booked Scope 1 + 2 then lands on the limit, also for enterprises on park heat.
/// </summary>
public sealed class CapTests
{
    static readonly DateOnly January1 = Day(1, 1), December31 = Day(12, 31);

    static double Booked(PolicyRun run, IEnumerable<EnterpriseSpec> targets, params int[] metrics) =>
        targets.Sum(e => metrics.Sum(k => run.Enterprise(e.Id).YearTotals()[k]));

    [Fact]
    public async Task A_reduction_scales_the_targets_output_and_a_limit_is_met_by_the_books_and_no_one_else_changes()
    {
        var baseline = await Baseline;
        var steel = baseline.Enterprises.Where(e => e.Industry == "steel").ToArray();
        var cement = baseline.Enterprises.Where(e => e.Industry == "cement").ToArray();
        var chemicals = baseline.Enterprises.Where(e => e.Industry == "chemicals").ToArray();
        var ceramics = baseline.Enterprises.Where(e => e.Industry == "ceramics").ToArray();
        int[] emissions = [Metric.Scope1Combustion, Metric.Scope1Process, Metric.Scope2Location];
        // Limits below what the targets booked without a cap, so that they bind.
        var cementLimit = Math.Round(0.8 * Booked(baseline, cement, emissions));
        var chemicalsLimit = Math.Round(0.85 * Booked(baseline, chemicals, emissions));
        var ceramicsLimit = Math.Round(0.7 * Booked(baseline, ceramics, Metric.EnergyTce));
        Assert.True(chemicals.Sum(e => baseline.Enterprise(e.Id).YearTotals()[Metric.HeatPark]) > 0, "chemicals take park heat: the case the supply expectation is for");
        var run = await RunAsync(Scenario(
        [
            new EmissionCap { Kind = "emission-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["steel"] }, Reduction = 0.1 },
            new EmissionCap { Kind = "emission-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["cement"] }, Limit = cementLimit },
            new EmissionCap { Kind = "emission-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["chemicals"] }, Limit = chemicalsLimit },
            new EnergyCap { Kind = "energy-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["ceramics"] }, Limit = ceramicsLimit },
        ]));

        // Each target's quota is one factor all year (a cap in force all year), the same for its whole industry.
        double Quota(EnterpriseSpec e) => run.Year.Model.Parks.SelectMany(p => p.Enterprises).Single(s => s.Id == e.Id).Measures!.Output![0];
        var kept = new Dictionary<string, double> { ["steel"] = 0.9, ["cement"] = Quota(cement[0]), ["chemicals"] = Quota(chemicals[0]), ["ceramics"] = Quota(ceramics[0]) };
        Assert.Equal(0.9, Quota(steel[0]), 12);
        var touched = steel.Concat(cement).Concat(chemicals).Concat(ceramics).Select(e => e.Park).ToHashSet();
        foreach (var spec in baseline.Enterprises)
        {
            var (before, after) = (baseline.Enterprise(spec.Id), run.Enterprise(spec.Id));
            if (!kept.TryGetValue(spec.Industry, out var factor))
            {
                Untouched(before, after, $"{spec.Id} ({spec.Industry})", touched.Contains(spec.Park));
                continue;
            }
            for (var m = 0; m < 12; m++)
            {
                Scaled(factor, before[m, Metric.Output], after[m, Metric.Output], HoursOf(m), $"{spec.Id} ({spec.Industry}) output, month {m + 1}");
                // Emissions per unit do not change: Scope 1 follows the output.
                if (before[m, Metric.Output] > 0)
                    Close(after[m, Metric.Output] * (before[m, Metric.Scope1Combustion] / before[m, Metric.Output]), after[m, Metric.Scope1Combustion], 1e-9,
                        $"{spec.Id} Scope 1 per unit, month {m + 1}");
            }
        }

        // Against the limits, in the books: the year differs from the expectation by production noise, the weather of
        // the park's generators and the hours its boilers cannot cover — within a few per cent.
        Close(cementLimit, Booked(run, cement, emissions), 0.03, "cement's Scope 1 + 2 against its limit");
        Close(chemicalsLimit, Booked(run, chemicals, emissions), 0.03, "chemicals' Scope 1 + 2 (on park heat) against its limit");
        Close(ceramicsLimit, Booked(run, ceramics, Metric.EnergyTce), 0.03, "ceramics' energy against its limit");
        Assert.True(kept["cement"] < 0.9 && kept["chemicals"] < 0.95 && kept["ceramics"] < 0.8, "the limits bind");
    }
}
