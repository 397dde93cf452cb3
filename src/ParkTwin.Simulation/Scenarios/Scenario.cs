using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Policies;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>A checked scenario (docs/scenarios.md): everything a run needs, with the province already loaded or generated.</summary>
public sealed record Scenario
{
    public required string File { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required int Seed { get; init; }
    /// <summary>The generator's scale, or null when the province comes from <see cref="InventoryFile"/>.</summary>
    public double? Scale { get; init; }
    /// <summary>The inventory file, resolved against the scenario's directory; null when generated.</summary>
    public string? InventoryFile { get; init; }
    /// <summary>The generated or read province with <c>province.overrides</c> applied (and checked).</summary>
    public required ProvinceInventory Inventory { get; init; }
    /// <summary>Whether <c>province.overrides</c> changed the generated or read inventory.</summary>
    public bool Overridden { get; init; }
    public required int FromYear { get; init; }
    public required int ToYear { get; init; }
    public required string Tick { get; init; }
    /// <summary>The shipped markets.yaml with the scenario's keys merged over it.</summary>
    public required MarketSettings Markets { get; init; }
    /// <summary>Whether enterprises take abatement decisions each year (docs/decisions.md); `decisions: false` freezes them.</summary>
    public bool Decisions { get; init; } = true;
    /// <summary>outputs.directory as written (relative to the working directory), or null.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>Which files a run writes (outputs.series, formats, charts, report); everything by default.</summary>
    public OutputSelection Outputs { get; init; } = OutputSelection.All;
    /// <summary>The policy timeline, in the order of the file (each with its line).</summary>
    public IReadOnlyList<Policy> Policies { get; init; } = [];
    /// <summary>The shocks, in the order of the file.</summary>
    public IReadOnlyList<Shock> Shocks { get; init; } = [];

    public IReadOnlyList<int> Years => Enumerable.Range(FromYear, ToYear - FromYear + 1).ToArray();

    public string Describe() =>
        $"{Name}: {(InventoryFile is null ? $"generated province (seed {Seed}, scale {Scale})" : $"inventory {Path.GetFileName(InventoryFile)} (seed {Seed})")}, " +
        $"{(Overridden ? "with overrides, " : "")}{Inventory.Parks.Count} parks, {Inventory.Enterprises.Count} enterprises, {Inventory.Assets.Count} assets; " +
        $"{(FromYear == ToYear ? $"year {FromYear}" : $"years {FromYear}–{ToYear}")}, {Tick} ticks; markets: {MarketNames()}" +
        (Policies.Count > 0 ? $"; {Policies.Count} polic{(Policies.Count == 1 ? "y" : "ies")}" : "") +
        (Shocks.Count > 0 ? $"; {Shocks.Count} shock{(Shocks.Count == 1 ? "" : "s")}" : "") +
        (Outputs.IsAll ? "" : $"; outputs: {Outputs.Describe()}");

    string MarketNames()
    {
        var on = new List<string>();
        if (Markets.GreenPower.Enabled) on.Add("green power");
        if (Markets.GreenPower.Bilateral.Enabled) on.Add("bilateral contracts");
        if (Markets.Carbon.Enabled) on.Add("carbon");
        return on.Count == 0 ? "none" : string.Join(", ", on);
    }
}

/// <summary>Every problem of a scenario file, each as <c>path (line N, column M): reason</c>; nothing has run.</summary>
public sealed class ScenarioException(string file, IReadOnlyList<string> problems)
    : Exception($"{file}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}\n  " + string.Join("\n  ", problems))
{
    public string File { get; } = file;
    public IReadOnlyList<string> Problems { get; } = problems;
}
