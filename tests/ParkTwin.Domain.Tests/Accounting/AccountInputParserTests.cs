using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Tests.Accounting;

public sealed class AccountInputParserTests
{
    static AccountInput Parse(string json) => AccountInputParser.Parse(json, FactorTable.Default);

    static InputException Bad(string json) => Assert.Throws<InputException>(() => Parse(json));

    const string Example = """
        { "year": 2023, "province": "sichuan", "gridFactor": 0.1564, "residualFactor": 0.6096,
          "enterprises": [ { "id": "E1", "industry": "cement",
              "fuels": [ { "carrier": "raw_coal", "quantity": 1200, "unit": "t" }, { "carrier": "natural_gas", "quantity": 35, "unit": "10^4 Nm3" } ],
              "process": [ { "product": "clinker", "quantity": 80000, "unit": "t" } ],
              "electricity": { "gridMWh": 5000, "greenMWh": 1500, "certificatesRetired": 1200, "onsiteMWh": 300 },
              "heatGJ": 0, "outputValue10kCNY": 20000 } ],
          "sharedFacilities": [ { "id": "P-boiler", "fuels": [], "electricity": { "gridMWh": 100 } } ] }
        """;

    [Fact]
    public void Reads_the_example_input()
    {
        var input = Parse(Example);
        Assert.Equal(2023, input.Year);
        Assert.Equal(0.1564, input.GridFactor);
        var e1 = Assert.Single(input.Enterprises);
        Assert.Equal("cement", e1.Industry);
        Assert.Equal(new FuelUse(FuelCarrier.NaturalGas, 35, FuelUnit.TenThousandNm3), e1.Activity.Fuels[1]);
        Assert.Equal(new ElectricityUse(5000, 1500, 1200, 300), e1.Activity.Electricity);
        Assert.Equal(100, Assert.Single(input.SharedFacilities).Activity.Electricity.GridMWh);
    }

    [Fact]
    public void Every_enterprise_section_is_optional_and_factors_default_to_the_data_file()
    {
        var input = Parse("""{ "year": 2022, "province": "sichuan", "enterprises": [ { "id": "E" } ] }""");
        Assert.Null(input.GridFactor);
        Assert.Equal(ElectricityUse.None, input.Enterprises[0].Activity.Electricity);
        var report = AccountReport.Build(input, FactorTable.Default, IndicatorTable.Default, ElectricityMethod.CalorificEquivalent);
        Assert.Equal(0.1404, report.Basis.GridFactor);
        Assert.Equal(0.5856, report.Basis.ResidualFactor);
    }

    [Fact]
    public void Process_output_in_kg_is_converted_to_tonnes()
    {
        var input = Parse("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E", "process": [ { "product": "lime", "quantity": 2500, "unit": "kg" } ] } ] }""");
        Assert.Equal(2.5, input.Enterprises[0].Activity.Process[0].Tonnes);
    }

    [Theory]
    [InlineData("""{ "carrier": "peat", "quantity": 1, "unit": "t" }""", "enterprises[0].fuels[0].carrier")]
    [InlineData("""{ "carrier": "raw_coal", "quantity": 1, "unit": "m3" }""", "enterprises[0].fuels[0].unit")]
    [InlineData("""{ "carrier": "raw_coal", "quantity": 1, "unit": "Nm3" }""", "enterprises[0].fuels[0].unit")]
    [InlineData("""{ "carrier": "natural_gas", "quantity": 1, "unit": "t" }""", "enterprises[0].fuels[0].unit")]
    [InlineData("""{ "carrier": "raw_coal", "quantity": -1, "unit": "t" }""", "enterprises[0].fuels[0].quantity")]
    [InlineData("""{ "carrier": "raw_coal", "quantity": 1e999, "unit": "t" }""", "enterprises[0].fuels[0].quantity")]
    [InlineData("""{ "carrier": "raw_coal", "quantity": "NaN", "unit": "t" }""", "enterprises[0].fuels[0].quantity")]
    [InlineData("""{ "carrier": "raw_coal", "unit": "t" }""", "enterprises[0].fuels[0].quantity")]
    [InlineData("""{ "carrier": "raw_coal", "quantity": 1, "unit": "t", "colour": "black" }""", "enterprises[0].fuels[0].colour")]
    public void A_bad_fuel_names_its_field_path(string fuel, string path)
    {
        var error = Bad($$"""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E", "fuels": [ {{fuel}} ] } ] }""");
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void An_unknown_product_names_its_field_path() =>
        Assert.Equal("enterprises[0].process[0].product",
            Bad("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E", "process": [ { "product": "gold", "quantity": 1 } ] } ] }""").Path);

    [Fact]
    public void A_missing_id_is_an_error() =>
        Assert.Equal("enterprises[0].id", Bad("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "heatGJ": 1 } ] }""").Path);

    [Fact]
    public void A_duplicate_id_across_enterprises_and_shared_facilities_is_an_error()
    {
        var error = Bad("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "X" } ], "sharedFacilities": [ { "id": "X" } ] }""");
        Assert.Equal("sharedFacilities[0].id", error.Path);
        Assert.Contains("enterprises[0].id", error.Reason);
    }

    [Fact]
    public void Malformed_json_reports_line_and_position()
    {
        var error = Bad("{\n  \"year\": 2023,\n  \"province\": sichuan\n}");
        Assert.Equal("$", error.Path);
        Assert.Contains("line 3", error.Reason);
    }

    [Fact]
    public void An_unknown_province_without_a_grid_factor_is_an_error_but_an_explicit_factor_is_enough()
    {
        Assert.Equal("province", Bad("""{ "year": 2023, "province": "atlantis", "enterprises": [] }""").Path);
        Assert.Equal(0.3, Parse("""{ "year": 2023, "province": "atlantis", "gridFactor": 0.3, "enterprises": [] }""").GridFactor);
    }

    [Fact]
    public void Indicator_fractions_above_one_are_errors() =>
        Assert.Equal("park.waterReuse", Bad("""{ "year": 2023, "province": "sichuan", "enterprises": [], "park": { "waterReuse": 1.2 } }""").Path);
}
