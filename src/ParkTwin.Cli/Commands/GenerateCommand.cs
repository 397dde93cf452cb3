using System.CommandLine;
using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Cli.Commands;

/// <summary><c>parktwin generate [--seed N] [--scale F] --out FILE</c>: writes a synthetic province inventory.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed and scale give the same file", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "Size relative to Sichuan (1 = ~150 parks, ~20,000 enterprises); > 0 and <= 10", DefaultValueFactory = _ => 1.0 };
        var output = new Option<string>("--out") { Description = "Inventory JSON file to write", Required = true };
        var command = new Command("generate", "Generate a synthetic Sichuan province (parks, enterprises, assets, grid fleet) as an inventory JSON file")
        {
            seed, scale, output,
        };
        command.SetAction(parse => Run(parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(output)!));
        return command;
    }

    public static int Run(int seed, double scale, string output)
    {
        if (!double.IsFinite(scale) || scale <= 0 || scale > ProvinceGenerator.MaxScale)
            throw new InputException("--scale", $"must be > 0 and <= {ProvinceGenerator.MaxScale} (got {scale})");
        if (string.IsNullOrWhiteSpace(output)) throw new InputException("--out", "a file path is required");
        var inventory = ProvinceGenerator.Generate(seed, scale);
        InventoryFile.Write(output, inventory);
        var summary = InventorySummary.Of(inventory, IndustryCatalogue.Default, ProvinceData.Sichuan);
        Console.WriteLine($"Wrote {output} (seed {seed}, scale {scale}). {summary.Describe()}");
        return 0;
    }
}
