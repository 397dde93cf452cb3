using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Tests.Catalogue;

public sealed class IndustryCatalogueTests
{
    static readonly string[] StudyIndustries =
    [
        "cement", "steel", "ferroalloy", "chemicals", "ceramics", "paper", "food",
        "polysilicon", "lithium", "battery_cells", "electronics", "nev_assembly", "data_centres",
    ];

    [Fact]
    public void The_shipped_catalogue_holds_every_industry_of_the_study()
    {
        var catalogue = IndustryCatalogue.Default;
        foreach (var id in StudyIndustries) Assert.Equal(id, catalogue.Get(id).Id);
    }

    [Fact]
    public void Every_industry_has_season_multipliers_averaging_one_and_a_source()
    {
        foreach (var industry in IndustryCatalogue.Default.All)
        {
            Assert.Equal(12, industry.MonthlySeason.Count);
            Assert.Equal(1.0, industry.MonthlySeason.Average(), 3);
            Assert.False(string.IsNullOrWhiteSpace(industry.Source));
            Assert.True(industry.TypicalAnnualOutputMin > 0 && industry.TypicalAnnualOutputMax >= industry.TypicalAnnualOutputMin);
        }
    }

    [Fact]
    public void Process_products_are_the_ones_a_process_factor_table_knows()
    {
        string[] known = ["clinker", "lime", "ammonia", "eaf_steel", "ferroalloy", "ceramics"];
        foreach (var industry in IndustryCatalogue.Default.All)
        foreach (var process in industry.Process)
            Assert.Contains(process.Product, known);
        Assert.Equal(0.68, IndustryCatalogue.Default.Get("cement").Process.Single(p => p.Product == "clinker").PerUnit);
    }

    [Fact]
    public void Fuels_are_parsed_into_carriers_and_units()
    {
        var steel = IndustryCatalogue.Default.Get("steel");
        Assert.Contains(steel.Fuels, f => f.Carrier == FuelCarrier.Coke && f.Unit == FuelUnit.Tonne);
        Assert.Contains(steel.Fuels, f => f.Carrier == FuelCarrier.NaturalGas && f.Unit == FuelUnit.Nm3);
        Assert.Equal(WorkPattern.Continuous, steel.Pattern);
    }

    [Fact]
    public void A_scenario_can_load_its_own_catalogue_from_yaml_text()
    {
        var catalogue = IndustryCatalogue.Parse(OneIndustry("pattern: one_shift"));
        Assert.Equal("widgets", Assert.Single(catalogue.All).Id);
        Assert.Equal(WorkPattern.OneShift, catalogue.Get("widgets").Pattern);
    }

    [Fact]
    public void A_bad_value_is_reported_with_its_path()
    {
        var e = Assert.Throws<InputException>(() => IndustryCatalogue.Parse(OneIndustry("pattern: four_shift")));
        Assert.Equal("industries[0].pattern", e.Path);
        e = Assert.Throws<InputException>(() => IndustryCatalogue.Parse(OneIndustry("pattern: continuous", "raw_coal", "tons")));
        Assert.Equal("industries[0].fuels[0].unit", e.Path);
    }

    [Fact]
    public void An_unknown_industry_is_an_input_error()
    {
        Assert.Throws<InputException>(() => IndustryCatalogue.Default.Get("unobtainium"));
    }

    static string OneIndustry(string patternLine, string carrier = "raw_coal", string unit = "t") => $"""
        industries:
          - id: widgets
            name: Widgets
            group: traditional
            outputUnit: t
            valuePerUnit: 1
            electricityMWhPerUnit: 0.1
            fuels: [{"{"} carrier: {carrier}, perUnit: 0.01, unit: {unit} {"}"}]
            {patternLine}
            monthlySeason: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
            typicalAnnualOutputMin: 10
            typicalAnnualOutputMax: 100
            enterpriseShare: 1
            source: "assumption: test"
        """;
}
