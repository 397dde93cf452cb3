using System.Diagnostics;
using ParkTwin.Cli.Hosting;
using ParkTwin.Domain;
using ParkTwin.Domain.Factors;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Scenarios;
using Spectre.Console;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin simulate SCENARIO.yaml</c>: the scenario's years one after another, each with a fresh model (factors
/// resolve per year) and its twins in a world of their own, all sharing one market desk so that allowances bank
/// and a shortfall is deducted from the next year's allocation. One year writes exactly what <c>simulate</c> writes;
/// several write DIR/&lt;year&gt;/… and a DIR/summary.json with each year's totals (docs/scenarios.md).
/// </summary>
static class ScenarioRun
{
    public sealed record YearTotals(int Year, string Directory, ProvinceSummary Province, MarketSummary? Markets);

    public sealed record HorizonSummary(string Scenario, string Description, int Seed, double Scale, string Source, int From, int To, string Tick,
        IReadOnlyList<YearTotals> Years)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public bool? Partial { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? LastDate { get; init; }
    }

    public static async Task<int> RunAsync(Scenario scenario, string engineName, string electricityMethod, string? output, StorageSettings storage,
        CancellationToken cancel)
    {
        if (engineName == "flat" && (storage.IsPostgres || storage.Cluster)) throw new InputException("--engine", "the flat kernel runs in this process without grains; --storage, --pg and --cluster apply to --engine grains");
        await storage.CheckAsync();
        var directory = output ?? scenario.OutputDirectory ?? Path.Combine("runs", scenario.Name);
        if (File.Exists(directory)) throw new InputException(scenario.OutputDirectory is not null && output is null ? "outputs.directory" : "--out", $"{directory} is a file, not a directory");
        var method = electricityMethod == "coal" ? ElectricityMethod.CoalEquivalent : ElectricityMethod.CalorificEquivalent;
        var single = scenario.FromYear == scenario.ToYear;
        // Worlds: as 'simulate' for one year; for several, the markets in run-… and each year's twins in run-…-<year>.
        var suffix = storage.IsPostgres ? $"-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}" : "";
        var baseId = single ? $"run-{scenario.Seed}-{scenario.FromYear}{suffix}" : $"run-{scenario.Seed}-{scenario.FromYear}-{scenario.ToYear}{suffix}";
        var info0 = (Scale: scenario.Scale ?? scenario.Inventory.Scale, Source: scenario.InventoryFile is null ? "generated" : Path.GetFileName(scenario.InventoryFile));

        var clock = Stopwatch.StartNew();
        await using var host = engineName == "grains" ? await IGrainHost.StartAsync(storage) : null;
        IMarketDesk desk = host is null ? new LocalMarketDesk() : new GrainMarketDesk(host.Grains, baseId);
        var tick = SimulateCommand.ParseTick(scenario.Tick);
        var years = new List<YearTotals>();
        long enterpriseHours = 0;
        Console.Error.WriteLine($"{scenario.Name}: Ctrl-C stops at the next tick and writes what was simulated");
        var state = new ScenarioState();
        foreach (var year in scenario.Years)
        {
            var prepared = ScenarioYear.Prepare(scenario, year, state, method, storage.CheckpointEvery);
            var model = prepared.Model;
            var world = single ? baseId : $"{baseId}-{year}";
            IProvinceEngine engine = host is null ? new FlatEngine(model) : new GrainEngine(host.Grains, model, world);
            var stage = prepared.Stage(desk);
            Action<string> log = line => Console.Error.WriteLine($"run {world}: {line}");
            var recovery = host is { IsRemote: true } ? new RunRecovery(MaxAttempts: 10, Delay: TimeSpan.FromSeconds(3), Log: log) : null;
            var (books, lastDate) = await ProgressRun.RunAsync(engine, tick, $"{year}: ", cancel, recovery, resume: false,
                storage.CheckpointEvery > 0 ? log : null, stage);
            var info = new RunInfo(scenario.Inventory.Province, year, scenario.Seed, info0.Scale, info0.Source);
            var marketSummary = stage is null ? null : await stage.SummaryAsync();
            var yearRows = prepared.Rows(stage is null ? null : await stage.RowsAsync(books, closed: lastDate is null), books);
            var marketRows = stage is null && yearRows.Count == 0 ? null : yearRows;
            var yearDirectory = single ? directory : Path.Combine(directory, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await RunOutputs.WriteAsync(yearDirectory, model, books, info, lastDate is null ? cancel : CancellationToken.None, marketRows, marketSummary, lastDate, scenario.Outputs);
            if (lastDate is not null)
            {
                // The years after it do not run; a longer scenario's summary.json lists the years that did, marked partial.
                if (!single)
                    await SummaryJson.WriteAsync(Path.Combine(directory, SummaryJson.FileName), new HorizonSummary(scenario.Name, scenario.Description, scenario.Seed,
                        info0.Scale, info0.Source, scenario.FromYear, scenario.ToYear, scenario.Tick, years) { Partial = true, LastDate = lastDate }, CancellationToken.None);
                Console.Error.WriteLine($"interrupted: simulated up to {lastDate}; partial results (summary.json \"partial\": true) in {directory}");
                return Interruption.ExitCode;
            }
            await prepared.FinishAsync(books, stage);
            // The next year is a world of its own: this one's twins leave memory (a five-year run stays at one year's size).
            if (!single) await engine.RetireAsync();
            var summary = RunSummary.Of(model, books, info) with { Markets = marketSummary };
            Console.WriteLine(single ? SummaryText.Describe(summary) : $"{year}: {SummaryText.Describe(summary)}");
            years.Add(new YearTotals(year, Path.GetFileName(yearDirectory), summary.Province, marketSummary));
            enterpriseHours += (long)model.EnterpriseCount * TwinFactory.Calendar(year).Hours;
        }
        if (!single)
            await SummaryJson.WriteAsync(Path.Combine(directory, SummaryJson.FileName), new HorizonSummary(scenario.Name, scenario.Description, scenario.Seed,
                info0.Scale, info0.Source, scenario.FromYear, scenario.ToYear, scenario.Tick, years), cancel);
        Console.WriteLine($"Simulated {enterpriseHours} enterprise-hours ({scenario.Years.Count} year{(single ? "" : "s")}) in {clock.Elapsed.TotalSeconds:F1} s; results in {directory}");
        return 0;
    }
}
