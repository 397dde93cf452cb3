using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Decisions;

namespace ParkTwin.Domain.Tests.Decisions;

public sealed class AbatementCatalogueTests
{
    [Fact]
    public void The_shipped_catalogue_holds_the_eight_options_with_sources_and_known_industries()
    {
        var catalogue = AbatementCatalogue.Default;
        Assert.Equal(AbatementOptionIds.All, catalogue.Ids);
        foreach (var option in catalogue.Options)
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Source));
            Assert.All(option.Industries, i => Assert.True(IndustryCatalogue.Default.Contains(i), i));
            Assert.True(option.LifetimeYears >= 1);
        }
        Assert.Equal(560, catalogue.Prices.ElectricityCnyPerMWh);
        Assert.Equal(0.3, catalogue.GreenPowerContractShare);
        Assert.Equal(62.36, catalogue.ReferenceCarbonPrice);
        Assert.Equal(0.15, catalogue.HurdleRate("cement"));
        Assert.Equal(catalogue.DefaultHurdleRate, catalogue.HurdleRate("food"));
    }

    [Fact]
    public void Options_applicable_to_an_industry_follow_its_list()
    {
        var cement = AbatementCatalogue.Default.ApplicableTo("cement").Select(o => o.Id).ToList();
        Assert.Contains(AbatementOptionIds.Ccus, cement);
        Assert.DoesNotContain(AbatementOptionIds.HeatElectrification, cement);
        var cells = AbatementCatalogue.Default.ApplicableTo("battery_cells").Select(o => o.Id).ToList();
        Assert.Contains(AbatementOptionIds.HeatElectrification, cells);
        Assert.DoesNotContain(AbatementOptionIds.Ccus, cells);
    }

    [Fact]
    public void An_unknown_option_id_is_rejected()
    {
        var yaml = TestCatalogue.Yaml() + TestCatalogue.Option("hydrogen_kiln");
        var e = Assert.Throws<InputException>(() => AbatementCatalogue.Parse(yaml));
        Assert.Equal("options[8].id", e.Path);
        Assert.Contains("hydrogen_kiln", e.Message);
    }

    [Fact]
    public void Every_one_of_the_eight_options_is_required()
    {
        var yaml = TestCatalogue.Yaml().Replace("- id: ccus\n", "- id: process_change\n");
        var e = Assert.Throws<InputException>(() => AbatementCatalogue.Parse(yaml));
        Assert.Contains("process_change", e.Message); // duplicate first
        var withoutCcus = string.Concat(AbatementOptionIds.All.Where(id => id != AbatementOptionIds.Ccus).Select(id => TestCatalogue.Option(id)));
        var header = TestCatalogue.Yaml()[..(TestCatalogue.Yaml().IndexOf("options:\n", StringComparison.Ordinal) + 9)];
        var missing = Assert.Throws<InputException>(() => AbatementCatalogue.Parse(header + withoutCcus));
        Assert.Contains("ccus", missing.Message);
    }

    [Fact]
    public void Industries_are_checked_against_the_industry_catalogue_when_given()
    {
        var yaml = TestCatalogue.Yaml(TestCatalogue.Option(AbatementOptionIds.Ccus, industries: "[cement, unobtainium]"));
        Assert.Throws<InputException>(() => AbatementCatalogue.Parse(yaml, IndustryCatalogue.Default));
        Assert.NotNull(AbatementCatalogue.Parse(yaml)); // without a catalogue any id is taken
    }

    [Fact]
    public void Unknown_keys_and_bad_fractions_are_errors()
    {
        Assert.Throws<InputException>(() => AbatementCatalogue.Parse(TestCatalogue.Yaml().Replace("source: test }", "source: test, typo: 1 }")));
        var bad = TestCatalogue.Yaml(TestCatalogue.Option(AbatementOptionIds.EfficiencyRetrofit, effect: "{ fuelCut: 1.5 }"));
        Assert.Equal("options[0].effect.fuelCut", Assert.Throws<InputException>(() => AbatementCatalogue.Parse(bad)).Path);
    }
}
