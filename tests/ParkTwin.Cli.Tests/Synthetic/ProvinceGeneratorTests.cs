using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Cli.Tests.Synthetic;

public sealed class ProvinceGeneratorTests
{
    static readonly Lazy<ProvinceInventory> Scale1 = new(() => ProvinceGenerator.Generate(42, 1));

    static InventorySummary Summary(ProvinceInventory inventory) =>
        InventorySummary.Of(inventory, IndustryCatalogue.Default, ProvinceData.Sichuan);

    [Fact]
    public void The_same_seed_and_scale_give_a_byte_identical_file()
    {
        var again = ProvinceGenerator.Generate(42, 1);
        Assert.Equal(InventoryFile.ToJson(Scale1.Value), InventoryFile.ToJson(again));
    }

    [Fact]
    public void A_different_seed_gives_a_different_province()
    {
        Assert.NotEqual(InventoryFile.ToJson(ProvinceGenerator.Generate(1, 0.1)), InventoryFile.ToJson(ProvinceGenerator.Generate(2, 0.1)));
    }

    [Fact]
    public void Scale_1_has_about_150_parks_and_20_000_enterprises_in_all_21_prefectures()
    {
        var inventory = Scale1.Value;
        Assert.InRange(inventory.Parks.Count, 140, 160);
        Assert.InRange(inventory.Enterprises.Count, 19_000, 21_000);
        Assert.Equal(21, inventory.Parks.Select(p => p.Prefecture).Distinct().Count());
        Assert.InRange(inventory.Parks.Count(p => p.Level == "national") / (double)inventory.Parks.Count, 0.07, 0.25);
    }

    [Fact]
    public void Ids_are_sorted_unique_and_zero_padded()
    {
        var inventory = Scale1.Value;
        Assert.Equal("P001", inventory.Parks[0].Id);
        Assert.Equal("E00001", inventory.Enterprises[0].Id);
        foreach (var ids in new[] { inventory.Parks.Select(p => p.Id), inventory.Enterprises.Select(e => e.Id), inventory.Assets.Select(a => a.Id) })
        {
            var list = ids.ToList();
            Assert.Equal(list.Order(StringComparer.Ordinal), list);
            Assert.Equal(list.Count, list.Distinct().Count());
        }
    }

    [Fact]
    public void Grid_fleet_matches_the_province_targets_and_hydro_gives_75_to_85_percent_of_generation()
    {
        var inventory = Scale1.Value;
        foreach (var target in ProvinceData.Sichuan.GridFleet)
        {
            var plants = inventory.Assets.Where(a => a.Owner == "grid" && a.Kind == target.Kind).ToList();
            Assert.Equal(target.CapacityMW, plants.Sum(p => p.CapacityMW), 0);
            Assert.All(plants, p => Assert.InRange(p.CapacityMW, 0, target.UnitMaxMW + target.UnitMinMW));
        }
        // Σ capacity × monthly CF × hours by kind
        Assert.InRange(Summary(inventory).GridHydroShare, 0.75, 0.85);
    }

    [Fact]
    public void Park_enterprises_use_120_to_180_TWh_a_year_and_a_few_large_plants_dominate()
    {
        var inventory = Scale1.Value;
        Assert.InRange(Summary(inventory).EnterpriseElectricityMWh / 1e6, 120, 180);
        var catalogue = IndustryCatalogue.Default;
        var use = inventory.Enterprises
            .Select(e => e.AnnualOutput * catalogue.Get(e.Industry).ElectricityMWhPerUnit * e.Efficiency)
            .OrderDescending().ToList();
        var top5Percent = use.Take(use.Count / 20).Sum() / use.Sum();
        Assert.True(top5Percent > 0.5, $"top 5 % of enterprises use {top5Percent:P0} of the electricity");
    }

    [Fact]
    public void Outputs_and_efficiencies_stay_in_the_catalogue_ranges()
    {
        foreach (var e in Scale1.Value.Enterprises)
        {
            var industry = IndustryCatalogue.Default.Get(e.Industry);
            Assert.InRange(e.AnnualOutput, industry.TypicalAnnualOutputMin * 0.999, industry.TypicalAnnualOutputMax * 1.001);
            Assert.InRange(e.Efficiency, 0.85, 1.2);
        }
    }

    [Fact]
    public void Assets_belong_to_enterprises_parks_or_the_grid_and_only_some_parks_report_indicators()
    {
        var inventory = Scale1.Value;
        InventoryValidator.Validate(inventory, IndustryCatalogue.Default);
        Assert.Contains(inventory.Assets, a => a.Owner.StartsWith('E') && a.Kind == AssetKind.Pv);
        Assert.Contains(inventory.Assets, a => a.Owner.StartsWith('P') && a.Kind == AssetKind.HydroRunOfRiver);
        Assert.Contains(inventory.Assets, a => a.Owner.StartsWith('P') && a.Kind == AssetKind.CoalBoiler);
        var withData = inventory.Parks.Count(p => p.WaterReuse is not null);
        Assert.InRange(withData, 1, inventory.Parks.Count - 1);
    }

    [Fact]
    public void A_tiny_scale_still_gives_a_valid_province_with_every_grid_kind()
    {
        var inventory = ProvinceGenerator.Generate(7, 0.01);
        Assert.True(inventory.Parks.Count >= 1);
        Assert.True(inventory.Enterprises.Count >= 100);
        foreach (var target in ProvinceData.Sichuan.GridFleet)
            Assert.Contains(inventory.Assets, a => a.Owner == "grid" && a.Kind == target.Kind);
        InventoryValidator.Validate(inventory, IndustryCatalogue.Default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    public void A_scale_outside_0_to_10_is_an_input_error(double scale)
    {
        Assert.Equal("scale", Assert.Throws<InputException>(() => ProvinceGenerator.Generate(1, scale)).Path);
    }
}
