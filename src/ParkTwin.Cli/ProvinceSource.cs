using System.CommandLine;
using ParkTwin.Domain;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Cli;

/// <summary>Where a command's province comes from: an inventory file, or the synthetic generator at a seed and scale.</summary>
public static class ProvinceSource
{
    public static Option<int> SeedOption() => new("--seed") { Description = "Random seed; the same seed gives the same province and results", DefaultValueFactory = _ => 42 };

    public static Option<double> ScaleOption() => new("--scale")
    {
        Description = $"Size relative to Sichuan (1 = ~150 parks, ~20,000 enterprises); > 0 and <= {ProvinceGenerator.MaxScale}",
        DefaultValueFactory = _ => 1.0,
    };

    public static Option<int> YearOption() => new("--year") { Description = "Simulated calendar year (factors: the newest table not after it)", DefaultValueFactory = _ => 2023 };

    public static void CheckScale(double scale)
    {
        if (!double.IsFinite(scale) || scale <= 0 || scale > ProvinceGenerator.MaxScale)
            throw new InputException("--scale", $"must be > 0 and <= {ProvinceGenerator.MaxScale} (got {scale})");
    }

    public static void CheckYear(int year)
    {
        if (year is < 2000 or > 2100) throw new InputException("--year", $"must lie between 2000 and 2100 (got {year})");
    }

    /// <summary>Reads the inventory file if one is given, else generates the province.</summary>
    public static ProvinceInventory Load(string? path, int seed, double scale)
    {
        CheckScale(scale);
        if (path is null) return ProvinceGenerator.Generate(seed, scale);
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new InputException(path, "expected an inventory .json file written by 'parktwin generate'");
        return InventoryFile.Read(path);
    }
}
