using System.Text.RegularExpressions;
using ParkTwin.Domain;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Cli.Tests.Synthetic;

public sealed class InventoryFileTests
{
    static readonly string SmallJson = InventoryFile.ToJson(ProvinceGenerator.Generate(3, 0.02));

    [Fact]
    public void Writing_then_reading_gives_the_same_inventory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parktwin-{Guid.NewGuid():N}.json");
        try
        {
            var inventory = ProvinceGenerator.Generate(3, 0.02);
            InventoryFile.Write(path, inventory);
            var read = InventoryFile.Read(path);
            Assert.Equal(InventoryFile.ToJson(inventory), InventoryFile.ToJson(read));
            Assert.Equal(inventory.Enterprises.Count, read.Enterprises.Count);
            Assert.Equal(inventory.Enterprises[^1], read.Enterprises[^1]);
            Assert.Equal(inventory.Assets[0], read.Assets[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_file_is_camel_case_with_snake_case_enum_names_and_no_nulls()
    {
        Assert.Contains("\"annualOutput\":", SmallJson);
        Assert.Contains("\"kind\": \"hydro_run_of_river\"", SmallJson);
        Assert.DoesNotContain("null", SmallJson);
        Assert.DoesNotContain("\r", SmallJson);
    }

    [Theory]
    [InlineData("\"park\": \"P001\"", "\"park\": \"P999\"", @"enterprises\[\d+\]\.park")]
    [InlineData("\"industry\": \"food\"", "\"industry\": \"tofu\"", @"enterprises\[\d+\]\.industry")]
    [InlineData("\"owner\": \"grid\"", "\"owner\": \"nobody\"", @"assets\[\d+\]\.owner")]
    [InlineData("\"id\": \"E00002\"", "\"id\": \"E00001\"", @"enterprises\[1\]\.id")]
    [InlineData("\"efficiency\": ", "\"efficiency\": -", @"enterprises\[0\]\.efficiency")]
    [InlineData("\"kind\": \"hydro_run_of_river\"", "\"kind\": \"hydro\"", @"assets\[\d+\]\.kind")]
    public void An_invalid_file_is_rejected_with_the_path_of_the_problem(string find, string replace, string pathPattern)
    {
        Assert.Contains(find, SmallJson);
        var broken = new Regex(Regex.Escape(find)).Replace(SmallJson, replace, 1);
        var e = Assert.Throws<InputException>(() => InventoryFile.Parse(broken));
        Assert.Matches("^" + pathPattern + "$", e.Path);
    }

    [Fact]
    public void A_negative_capacity_is_rejected_with_its_path()
    {
        var broken = new Regex("\"capacityMW\": ").Replace(SmallJson, "\"capacityMW\": -", 1);
        Assert.Equal("assets[0].capacityMW", Assert.Throws<InputException>(() => InventoryFile.Parse(broken)).Path);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        Assert.Throws<InputException>(() => InventoryFile.Read("/nonexistent/inventory.json"));
    }
}
