using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>
/// Emission and energy caps (dual control), met by an output quota on the months in force: kept = allowed / expected,
/// expected = Σ months (days/365) × annual output × per-unit emissions (Scope 1 + electricity × grid factor + heat ×
/// heat factor) or energy (fuel tce + electricity and heat in tce), as EmissionCap / EnergyCap document.
/// </summary>
public sealed class CapTests
{
    static readonly Dictionary<string, IndustryProfile> Industries = IndustryCatalogue.Default.All.ToDictionary(i => i.Id, StringComparer.Ordinal);
    static readonly DateOnly January1 = Day(1, 1), December31 = Day(12, 31);

    static double Expected(PolicyRun baseline, IEnumerable<EnterpriseSpec> targets, bool emissions)
    {
        var f = baseline.Year.Model.Settings.Factors;
        return targets.Sum(e =>
        {
            var x = EnterpriseIntensity.Of(e, Industries[e.Industry], f);
            var perUnit = emissions
                ? x.Scope1Combustion + x.Scope1Process + x.ElectricityMWh * f.GridFactor + x.HeatGJ * f.HeatCo2PerGJ
                : x.FuelTce + x.ElectricityMWh * f.ElectricityTcePerMWh + x.HeatGJ * f.HeatTcePerGJ;
            return e.AnnualOutput * perUnit;
        });
    }

    [Fact]
    public async Task A_reduction_scales_the_targets_output_and_a_limit_keeps_limit_over_expected_of_it_and_no_one_else_changes()
    {
        var baseline = await Baseline;
        var cement = baseline.Enterprises.Where(e => e.Industry == "cement").ToArray();
        var chemicals = baseline.Enterprises.Where(e => e.Industry == "chemicals").ToArray();
        var ceramics = baseline.Enterprises.Where(e => e.Industry == "ceramics").ToArray();
        var emissionLimit = Math.Round(0.8 * Expected(baseline, cement, emissions: true));
        var energyLimit = Math.Round(0.7 * Expected(baseline, ceramics, emissions: false));
        var run = await RunAsync(Scenario(
        [
            new EmissionCap { Kind = "emission-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["chemicals"] }, Reduction = 0.1 },
            new EmissionCap { Kind = "emission-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["cement"] }, Limit = emissionLimit },
            new EnergyCap { Kind = "energy-cap", From = January1, To = December31, Target = new PolicyTarget { Industries = ["ceramics"] }, Limit = energyLimit },
        ]));

        var kept = new Dictionary<string, double>
        {
            ["chemicals"] = 0.9,
            ["cement"] = emissionLimit / Expected(baseline, cement, emissions: true),
            ["ceramics"] = energyLimit / Expected(baseline, ceramics, emissions: false),
        };
        var touched = cement.Concat(chemicals).Concat(ceramics).Select(e => e.Park).ToHashSet();
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

        // Against the limit itself: the actual year differs from the expectation by the production noise and, for
        // emissions, by in-park electricity, which carries no Scope 2: within a few per cent for cement and ceramics,
        // which buy no heat. (Chemicals take park heat, whose emissions are the park's: their booked Scope 1 + 2 is
        // about 20 % below the cap's expectation, so a limit on them is undershot by that much: a gap in the cap's expectation, not pinned here.)
        double Total(PolicyRun r, EnterpriseSpec[] targets, params int[] metrics) =>
            targets.Sum(e => metrics.Sum(k => r.Enterprise(e.Id).YearTotals()[k]));
        Close(emissionLimit, Total(run, cement, Metric.Scope1Combustion, Metric.Scope1Process, Metric.Scope2Location), 0.03, "cement's emissions against the limit");
        Close(energyLimit, Total(run, ceramics, Metric.EnergyTce), 0.03, "ceramics' energy against the limit");
        Assert.True(kept["cement"] < 0.9 && kept["ceramics"] < 0.8, "the limits bind");
    }
}
