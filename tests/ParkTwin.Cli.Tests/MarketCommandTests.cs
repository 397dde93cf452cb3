using System.Text.Json;

namespace ParkTwin.Cli.Tests;

public sealed class MarketCommandTests
{
    static ParktwinProcess.Result Clear(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"parktwin-market-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try { return ParktwinProcess.Run("market", "clear", file); }
        finally { File.Delete(file); }
    }

    static void AssertBadInput(ParktwinProcess.Result result, string path)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(path, result.Stderr);
    }

    const string Book = """
        { "rule": "pay-as-clear",
          "offers": [ { "id": "s1", "quantity": 100, "price": 40 }, { "id": "s2", "quantity": 100, "price": 60 } ],
          "bids": [ { "id": "b1", "quantity": 100, "price": 70 }, { "id": "b2", "quantity": 50, "price": 50 } ] }
        """;

    [Fact]
    public void Prints_price_volume_and_fills()
    {
        var result = Clear(Book);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["price", "volume", "fills"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(55, root.GetProperty("price").GetDouble()); // midpoint of [50, 60], docs/markets.md
        Assert.Equal(100, root.GetProperty("volume").GetDouble());
        var fills = root.GetProperty("fills").EnumerateArray().ToList();
        Assert.Equal(2, fills.Count);
        Assert.Equal(["id", "side", "quantity", "price"], fills[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("s1", "offer", 100.0, 55.0), (fills[0].GetProperty("id").GetString(), fills[0].GetProperty("side").GetString(), fills[0].GetProperty("quantity").GetDouble(), fills[0].GetProperty("price").GetDouble()));
        Assert.Equal(("b1", "bid"), (fills[1].GetProperty("id").GetString(), fills[1].GetProperty("side").GetString()));
    }

    [Fact]
    public void Pay_as_bid_has_no_uniform_price_and_fills_at_own_prices()
    {
        var result = Clear(Book.Replace("pay-as-clear", "pay-as-bid"));
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("price").ValueKind);
        var prices = doc.RootElement.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("price").GetDouble());
        Assert.Equal([40.0, 70.0], prices);
    }

    [Fact]
    public void No_overlap_prints_null_price_and_zero_volume()
    {
        var result = Clear("""{ "rule": "pay-as-clear", "offers": [ { "id": "s", "quantity": 1, "price": 9 } ], "bids": [ { "id": "b", "quantity": 1, "price": 8 } ] }""");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("price").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("volume").GetDouble());
        Assert.Equal(0, doc.RootElement.GetProperty("fills").GetArrayLength());
    }

    [Theory]
    [InlineData("""{ "id": "s3", "quantity": -1, "price": 1 }""", "offers[2].quantity")]
    [InlineData("""{ "id": "s3", "quantity": 1, "price": -5 }""", "offers[2].price")]
    [InlineData("""{ "id": "s3", "quantity": 1e999, "price": 1 }""", "offers[2].quantity")]
    [InlineData("""{ "id": "s3", "quantity": 1, "price": 1e999 }""", "offers[2].price")]
    [InlineData("""{ "quantity": 1, "price": 1 }""", "offers[2].id")]
    [InlineData("""{ "id": "s1", "quantity": 1, "price": 1 }""", "offers[2].id")]
    [InlineData("""{ "id": "s3", "quantity": "1", "price": 1 }""", "offers[2].quantity")]
    public void Bad_orders_exit_2_naming_the_field(string third, string path)
    {
        var json = $$"""
            { "rule": "pay-as-clear",
              "offers": [ { "id": "s1", "quantity": 1, "price": 1 }, { "id": "s2", "quantity": 1, "price": 2 }, {{third}} ],
              "bids": [ { "id": "b1", "quantity": 1, "price": 3 } ] }
            """;
        AssertBadInput(Clear(json), path);
    }

    [Fact]
    public void Unknown_rule_exits_2() => AssertBadInput(Clear(Book.Replace("pay-as-clear", "pay-as-you-go")), "rule");

    [Fact]
    public void Malformed_json_exits_2() => AssertBadInput(Clear("{ \"rule\": "), "malformed JSON");

    [Fact]
    public void Missing_file_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");
        AssertBadInput(ParktwinProcess.Run("market", "clear", missing), missing);
    }
}
