using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Tests.Catalogue;

public sealed class ProvinceDataTests
{
    static readonly ProvinceData Sichuan = ProvinceData.Sichuan;

    [Fact]
    public void Sichuan_has_its_21_prefecture_level_divisions()
    {
        Assert.Equal(21, Sichuan.Prefectures.Count);
        Assert.Equal(21, Sichuan.Prefectures.Select(p => p.Id).Distinct().Count());
        Assert.Contains(Sichuan.Prefectures, p => p.Name == "Guang'an");
    }

    [Fact]
    public void Prefecture_leanings_name_catalogue_industries()
    {
        foreach (var prefecture in Sichuan.Prefectures)
        foreach (var industry in prefecture.Lean.Keys)
            Assert.True(IndustryCatalogue.Default.Contains(industry), $"{prefecture.Id}: {industry}");
    }

    [Fact]
    public void Series_have_their_lengths_and_the_load_shapes_are_normalised()
    {
        Assert.Equal(12, Sichuan.HydroMonthlyCapacityFactor.Length);
        Assert.Equal(12, Sichuan.WindMonthlyCapacityFactor.Length);
        Assert.Equal(12, Sichuan.PvMonthlyCapacityFactor.Length);
        Assert.Equal(12, Sichuan.ThermalMonthlyCapacityFactor.Length);
        Assert.Equal(24, Sichuan.LoadHourShape.Length);
        Assert.Equal(1.0, Sichuan.LoadHourShape.Average(), 3);
        Assert.Equal(7, Sichuan.LoadWeekdayFactor.Length);
        Assert.Equal(1.0, Sichuan.LoadWeekdayFactor.Average(), 3);
        Assert.Equal(1.0, Sichuan.LoadMonthShare.Sum(), 3);
    }

    [Fact]
    public void Hydro_is_wet_from_June_to_October_and_dry_in_winter()
    {
        var cf = Sichuan.HydroMonthlyCapacityFactor;
        var wetMin = cf[5..10].Min();
        var dryMax = new[] { cf[0], cf[1], cf[2], cf[3], cf[11] }.Max();
        Assert.True(wetMin > dryMax, $"wet-season minimum {wetMin} should exceed dry-season maximum {dryMax}");
    }

    [Fact]
    public void Grid_fleet_targets_match_the_2023_capacities_and_hydro_gives_about_80_percent()
    {
        double Capacity(params AssetKind[] kinds) => Sichuan.GridFleet.Where(g => kinds.Contains(g.Kind)).Sum(g => g.CapacityMW);
        Assert.InRange(Capacity(AssetKind.HydroRunOfRiver, AssetKind.HydroReservoir), 97_000, 98_500);
        Assert.InRange(Capacity(AssetKind.CoalPower, AssetKind.GasPower), 18_000, 19_000);
        Assert.InRange(Capacity(AssetKind.GasPower), 2_000, 3_000);
        var byKind = Sichuan.GridFleet.ToDictionary(g => g.Kind, g => Sichuan.ExpectedAnnualMWh(g.Kind, g.CapacityMW));
        var hydro = byKind[AssetKind.HydroRunOfRiver] + byKind[AssetKind.HydroReservoir];
        Assert.InRange(hydro / byKind.Values.Sum(), 0.75, 0.85);
        Assert.InRange(hydro / 1e6, 340, 400); // NBS: 358 TWh (2023, dry) and 381 TWh (2024)
    }
}
