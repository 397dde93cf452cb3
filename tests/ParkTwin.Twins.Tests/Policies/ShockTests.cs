using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Policies;
using static ParkTwin.Twins.Tests.Policies.PolicyRuns;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>Shocks: hydro availability by month, and an output change for some enterprises over a period.</summary>
public sealed class ShockTests
{
    const int August = 7;

    [Fact]
    public async Task Hydro_availability_of_one_half_in_August_halves_Augusts_hydro_generation_raises_thermal_to_cover_it_and_changes_no_other_month()
    {
        var baseline = await Baseline;
        var run = await RunAsync(Scenario(shocks: [new Shock { Kind = "hydro-availability", From = Day(1, 1), To = Day(12, 31), Months = new Dictionary<int, double> { [8] = 0.5 } }]));

        // GenerationProfile.Fill: capacity factor = monthly factor × availability × (1 + daily noise) [× load shape for
        // reservoirs], clamped to [0, 1]. In August (0.697) the clamp never binds (run-of-river would need a 5σ day),
        // so availability scales every hour linearly: the month halves, to the quantum of each plant-hour.
        var (before, after) = (baseline.Books.Grid, run.Books.Grid);
        var hydroPlants = run.Year.Model.GridAssets.Count(a => a.Kind is Domain.Inventory.AssetKind.HydroRunOfRiver or Domain.Inventory.AssetKind.HydroReservoir);
        Assert.True(before[August, Metric.GenerationHydro] > 0);
        Scaled(0.5, before[August, Metric.GenerationHydro], after[August, Metric.GenerationHydro], hydroPlants * HoursOf(August), "grid hydro, August");
        Assert.Equal(before[August, Metric.GenerationWind], after[August, Metric.GenerationWind]);
        // The thermal fleet covers the lost hydro (its average MW over the thermal fleet's capacity) up to the highest
        // monthly capacity factor of sichuan.yaml (0.70); thermal output is CF × load shape, linear in the CF.
        var grid = run.Year.Model.GridAssets;
        double Mw(params Domain.Inventory.AssetKind[] kinds) => grid.Where(a => kinds.Contains(a.Kind)).Sum(a => a.CapacityMW);
        var hydroMW = Mw(Domain.Inventory.AssetKind.HydroRunOfRiver, Domain.Inventory.AssetKind.HydroReservoir);
        var thermalMW = Mw(Domain.Inventory.AssetKind.CoalPower, Domain.Inventory.AssetKind.GasPower);
        var normal = baseline.Year.Model.Settings.Climate;
        var cf = normal.ThermalMonthlyCapacityFactor[August];
        var covered = Math.Min(0.70, cf + hydroMW * normal.HydroMonthlyCapacityFactor[August] * 0.5 / thermalMW);
        Assert.Equal(covered, run.Year.Model.Settings.Climate.ThermalMonthlyCapacityFactor[August], 12);
        var thermalPlants = grid.Count(a => a.Kind is Domain.Inventory.AssetKind.CoalPower or Domain.Inventory.AssetKind.GasPower);
        Scaled(covered / cf, before[August, Metric.GenerationCoal], after[August, Metric.GenerationCoal], thermalPlants * HoursOf(August), "grid coal, August");
        Assert.True(after[August, Metric.Scope1Combustion] > before[August, Metric.Scope1Combustion], "the thermal backup burns more coal and gas");
        Identical(before, after, "grid outside August", Enumerable.Range(0, 12).Where(m => m != August));
        // Enterprises do not feel it (their supply from the grid is not limited by it).
        foreach (var (id, ledger) in baseline.Books.Enterprises)
            Assert.Equal(ledger[August, Metric.Output], run.Enterprise(id)[August, Metric.Output]);
    }

    [Fact]
    public async Task An_output_change_of_1_2_for_electronics_from_July_raises_their_output_by_a_fifth_from_July_only()
    {
        var baseline = await Baseline;
        var run = await RunAsync(Scenario(shocks: [new Shock { Kind = "output-change", From = Day(7, 1), Target = new PolicyTarget { Industries = ["electronics"] }, Factor = 1.2 }]));
        var touched = baseline.Enterprises.Where(e => e.Industry == "electronics").Select(e => e.Park).ToHashSet();

        foreach (var spec in baseline.Enterprises)
        {
            var (before, after) = (baseline.Enterprise(spec.Id), run.Enterprise(spec.Id));
            if (spec.Industry != "electronics")
            {
                Untouched(before, after, $"{spec.Id} ({spec.Industry})", touched.Contains(spec.Park));
                continue;
            }
            Identical(before, after, $"{spec.Id} January–June", Enumerable.Range(0, 6));
            for (var m = 6; m < 12; m++)
                Scaled(1.2, before[m, Metric.Output], after[m, Metric.Output], HoursOf(m), $"{spec.Id} output, month {m + 1}");
        }
    }
}
