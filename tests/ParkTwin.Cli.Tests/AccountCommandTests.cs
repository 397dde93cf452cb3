using System.Text.Json;

namespace ParkTwin.Cli.Tests;

public sealed class AccountCommandTests
{
    const string Example = """
        { "year": 2023, "province": "sichuan", "gridFactor": 0.1564, "residualFactor": 0.6096,
          "enterprises": [ { "id": "E1", "industry": "cement",
              "fuels": [ { "carrier": "raw_coal", "quantity": 1200, "unit": "t" }, { "carrier": "natural_gas", "quantity": 35, "unit": "10^4 Nm3" } ],
              "process": [ { "product": "clinker", "quantity": 80000, "unit": "t" } ],
              "electricity": { "gridMWh": 5000, "greenMWh": 1500, "certificatesRetired": 1200, "onsiteMWh": 300 },
              "heatGJ": 0, "outputValue10kCNY": 20000 } ],
          "sharedFacilities": [ { "id": "P-boiler", "fuels": [], "electricity": { "gridMWh": 100 } } ] }
        """;

    static string WithFuel(string fuel) =>
        $$"""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E1", "fuels": [ { "carrier": "coke", "quantity": 1, "unit": "t" }, {{fuel}} ] } ] }""";

    static void AssertBadInput(ParktwinProcess.Result result, string path)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(path, result.Stderr);
    }

    [Fact]
    public void Good_input_prints_enterprise_and_park_accounts_as_json()
    {
        var result = ParktwinProcess.Account(Example);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var e1 = doc.RootElement.GetProperty("enterprises")[0];
        Assert.Equal("E1", e1.GetProperty("id").GetString());
        foreach (var name in new[] { "scope1Combustion", "scope1Process", "scope2Location", "scope2Market", "energyTce", "carbonPerEnergy", "cleanEnergyShare" })
            Assert.Equal(JsonValueKind.Number, e1.GetProperty(name).ValueKind);
        Assert.Equal(JsonValueKind.Array, e1.GetProperty("indicators").ValueKind);
        // Hand-computed in ParkTwin.Domain.Tests: 1200 t coal + 35 × 10^4 Nm3 gas = 3037.12470171 tCO2; 80000 t clinker × 0.52 = 41600.
        Assert.Equal(3037.12470171, e1.GetProperty("scope1Combustion").GetDouble(), 6);
        Assert.Equal(41600, e1.GetProperty("scope1Process").GetDouble());
        var park = doc.RootElement.GetProperty("park");
        // park market = E1 5300 × 0.6096 + boiler 100 × 0.6096 = 3291.84; energy = 2158.38 + 100 × 0.1229 = 2170.67.
        Assert.Equal(3291.84, park.GetProperty("scope2Market").GetDouble(), 6);
        Assert.Equal(2170.67, park.GetProperty("energyTce").GetDouble(), 6);
        Assert.Equal(0.20, park.GetProperty("threshold").GetDouble());
        Assert.False(park.GetProperty("corePass").GetBoolean());
        var indicator = park.GetProperty("indicators")[0];
        Assert.Equal("carbonPerEnergy", indicator.GetProperty("name").GetString());
        Assert.Equal("fail", indicator.GetProperty("status").GetString());
    }

    [Fact]
    public void Coal_equivalent_method_counts_electricity_at_the_years_coal_rate()
    {
        // park power 6900 MWh × 0.3036 = 2094.84; fuels 857.16 + 465.5 → 3417.5 tce.
        var result = ParktwinProcess.Account(Example, "--electricity-method", "coal");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3417.5, doc.RootElement.GetProperty("park").GetProperty("energyTce").GetDouble(), 6);
    }

    [Fact]
    public void An_unknown_electricity_method_is_bad_input()
    {
        var result = ParktwinProcess.Account(Example, "--electricity-method", "nuclear");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void An_unknown_carrier_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account(WithFuel("""{ "carrier": "peat", "quantity": 1, "unit": "t" }""")), "enterprises[0].fuels[1].carrier");

    [Fact]
    public void An_unknown_unit_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account(WithFuel("""{ "carrier": "diesel", "quantity": 1, "unit": "litre" }""")), "enterprises[0].fuels[1].unit");

    [Fact]
    public void A_unit_that_does_not_fit_the_carrier_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account(WithFuel("""{ "carrier": "raw_coal", "quantity": 1, "unit": "Nm3" }""")), "enterprises[0].fuels[1].unit");

    [Fact]
    public void A_negative_quantity_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account(WithFuel("""{ "carrier": "lpg", "quantity": -5, "unit": "t" }""")), "enterprises[0].fuels[1].quantity");

    [Fact]
    public void A_non_finite_quantity_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account(WithFuel("""{ "carrier": "lpg", "quantity": 1e400, "unit": "t" }""")), "enterprises[0].fuels[1].quantity");

    [Fact]
    public void An_unknown_product_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account(
            """{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E1", "process": [ { "product": "kryptonite", "quantity": 5 } ] } ] }"""),
            "enterprises[0].process[0].product");

    [Fact]
    public void A_missing_id_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E1" }, { "heatGJ": 3 } ] }"""),
            "enterprises[1].id");

    [Fact]
    public void A_duplicate_id_is_bad_input_naming_the_field() =>
        AssertBadInput(ParktwinProcess.Account("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E1" }, { "id": "E1" } ] }"""),
            "enterprises[1].id");

    [Fact]
    public void Malformed_json_is_bad_input_with_line_and_position()
    {
        var result = ParktwinProcess.Account("{ \"year\": 2023,\n  \"enterprises\": [ }");
        AssertBadInput(result, "line 2");
        Assert.Contains("position", result.Stderr);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_bad_input_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"parktwin-missing-{Guid.NewGuid():N}.json");
        AssertBadInput(ParktwinProcess.Run("account", missing), missing);
    }
}
