using System.CommandLine;
using System.Diagnostics;
using ParkTwin.Cli.Hosting;
using ParkTwin.Domain;
using ParkTwin.Domain.Factors;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Persistence;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Scenarios;
using Spectre.Console;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin simulate [INVENTORY] [--seed N] [--scale F] [--year Y] [--out DIR]</c>: one province-year, hour by hour;
/// in an embedded silo (memory or PostgreSQL) or, with <c>--cluster</c>, on the silos of a PostgreSQL-backed cluster.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("inventory") { Description = "Inventory .json from 'parktwin generate' (default: generate one from --seed and --scale), or a scenario .yaml/.yml (docs/scenarios.md)", Arity = ArgumentArity.ZeroOrOne };
        var seed = ProvinceSource.SeedOption();
        var scale = ProvinceSource.ScaleOption();
        var year = ProvinceSource.YearOption();
        var output = new Option<string?>("--out") { Description = "Directory for the results (default: runs/sichuan-<year>-seed<seed>-scale<scale>)" };
        var tick = TickOption();
        var engine = new Option<string>("--engine") { Description = "grains (the Orleans twins) or flat (the reference kernel); results are identical", DefaultValueFactory = _ => "grains" };
        engine.AcceptOnlyFromAmong("grains", "flat");
        var method = new Option<string>("--electricity-method") { Description = "calorific (0.1229 kgce/kWh) or coal (coal-equivalent) for electricity in tce", DefaultValueFactory = _ => "calorific" };
        method.AcceptOnlyFromAmong("calorific", "coal");
        var storage = StorageOptions.Storage();
        var pg = StorageOptions.Pg();
        var cluster = StorageOptions.Cluster();
        var clusterId = StorageOptions.ClusterId();
        var checkpointEvery = StorageOptions.CheckpointEvery();
        var markets = MarketsOption();
        var resume = new Option<string?>("--resume") { Description = "Continue run RUN_ID (kept in PostgreSQL) from its last complete checkpoint; needs --pg" };
        var command = new Command("simulate", "Step the province through a year, hour by hour, and write monthly results and summary.json")
        {
            input, seed, scale, year, output, tick, engine, method, markets, storage, pg, cluster, clusterId, checkpointEvery, resume,
        };
        command.SetAction((parse, cancel) =>
        {
            cancel = Interruption.Link(cancel);
            var resumeId = parse.GetValue(resume);
            if (parse.GetValue(input) is { } file && ScenarioLoader.IsScenarioPath(file))
            {
                // The scenario says what the years, the tick and the markets are; --seed and --scale may replace its own.
                foreach (var (option, key) in new (Option, string)[] { (year, "years"), (tick, "tick"), (markets, "markets"), (resume, "") })
                    if (parse.GetResult(option) is { Implicit: false })
                        throw new InputException(option.Name, key.Length == 0 ? "a scenario run cannot be resumed (not yet supported)" : $"set by the scenario ({key}), not on the command line");
                var scenario = ScenarioLoader.Load(file, Given(parse, seed), Given(parse, scale));
                var scenarioStorage = StorageOptions.Resolve(parse.GetValue(storage)!, parse.GetValue(pg), parse.GetValue(cluster), parse.GetValue(clusterId)!, parse.GetValue(checkpointEvery));
                return ScenarioRun.RunAsync(scenario, parse.GetValue(engine)!, parse.GetValue(method)!, parse.GetValue(output), scenarioStorage, cancel);
            }
            var settings = StorageOptions.Resolve(resumeId is not null && parse.GetValue(pg) is not null ? "postgres" : parse.GetValue(storage)!,
                parse.GetValue(pg), parse.GetValue(cluster), parse.GetValue(clusterId)!, parse.GetValue(checkpointEvery));
            var request = new RunRequest("", parse.GetValue(input), parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(year),
                parse.GetValue(tick)!, parse.GetValue(method)!, parse.GetValue(output) ?? "", settings.CheckpointEvery, parse.GetValue(markets)!);
            return RunAsync(request, parse.GetValue(engine)!, settings, resumeId, cancel);
        });
        return command;
    }

    /// <summary>An option's value when it was given on the command line, null when it holds its default.</summary>
    public static T? Given<T>(ParseResult parse, Option<T> option) where T : struct =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;

    public static Option<string> TickOption(string byDefault = "day")
    {
        var tick = new Option<string>("--tick") { Description = "Hours per grain call: day, week or month (results do not depend on it)", DefaultValueFactory = _ => byDefault };
        tick.AcceptOnlyFromAmong("day", "week", "month");
        return tick;
    }

    public static Option<string> MarketsOption() => new("--markets")
    {
        Description = "Market mechanisms: 'default' (simulations/data/markets.yaml), 'none', or a YAML file in the same form",
        DefaultValueFactory = _ => "default",
    };

    /// <summary>The market settings a --markets value names; a bad file is an input error.</summary>
    public static MarketSettings ParseMarkets(string markets)
    {
        if (markets == "default") return MarketSettings.Default;
        if (markets == "none") return MarketSettings.None;
        if (!File.Exists(markets)) throw new InputException("--markets", $"'{markets}' is neither 'default', 'none' nor an existing file");
        try
        {
            return Domain.Data.DataFiles.ParseYaml<MarketSettings>(File.ReadAllText(markets));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException($"{markets}:{e.Start.Line}:{e.Start.Column}", e.InnerException?.Message ?? e.Message);
        }
    }

    public static TickLength ParseTick(string tick) => tick switch { "week" => TickLength.Week, "month" => TickLength.Month, _ => TickLength.Day };

    static async Task<int> RunAsync(RunRequest asked, string engineName, StorageSettings storage, string? resumeId, CancellationToken cancel)
    {
        // Everything that can be wrong with the input or the configuration is found here, before anything runs or is written.
        if (resumeId is not null && !storage.IsPostgres) throw new InputException("--resume", "runs are kept in PostgreSQL: give --pg CONN (or PARKTWIN_PG)");
        if (engineName == "flat" && (storage.IsPostgres || storage.Cluster)) throw new InputException("--engine", "the flat kernel runs in this process without grains; --storage, --pg and --cluster apply to --engine grains");
        await storage.CheckAsync();
        var runs = storage.IsPostgres ? new RunStore(storage.Pg!) : null;
        var request = resumeId is not null ? await runs!.LoadAsync(resumeId, cancel) : asked;
        if (resumeId is not null && asked.Output.Length > 0) request = request with { Output = asked.Output };
        ProvinceSource.CheckYear(request.Year);
        var markets = ParseMarkets(request.Markets);
        var inventory = ProvinceSource.Load(request.Inventory, request.Seed, request.Scale);
        var model = RunSetup.Model(inventory, request.Year, request.Seed,
            request.ElectricityMethod == "coal" ? ElectricityMethod.CoalEquivalent : ElectricityMethod.CalorificEquivalent, request.CheckpointEvery,
            markets.Certificates.RetireForScope2);
        var directory = request.Output.Length > 0 ? request.Output : Path.Combine("runs", $"sichuan-{request.Year}-seed{request.Seed}-scale{request.Scale}");
        if (File.Exists(directory)) throw new InputException("--out", $"{directory} is a file, not a directory");
        if (resumeId is null)
            request = request with
            {
                // A run in PostgreSQL gets a world of its own, so that it never meets the stored state of an earlier run.
                RunId = storage.IsPostgres ? $"run-{request.Seed}-{request.Year}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}" : $"run-{request.Seed}-{request.Year}",
                Output = directory,
            };

        var clock = Stopwatch.StartNew();
        await using var host = engineName == "grains" ? await IGrainHost.StartAsync(storage) : null;
        IProvinceEngine engine = host is null ? new FlatEngine(model) : new GrainEngine(host.Grains, model, request.RunId);
        // The markets' registries live with the twins: in this process for the flat kernel, as grains otherwise.
        IMarketDesk desk = host is null ? new LocalMarketDesk() : new GrainMarketDesk(host.Grains, request.RunId);
        var stage = markets.Any ? new MarketStage(model, markets, desk) : null;
        if (runs is not null && resumeId is null)
        {
            await runs.SaveAsync(request, cancel);
            Console.Error.WriteLine($"run {request.RunId}: checkpoint every {request.CheckpointEvery} ticks; if this process dies, continue it with: parktwin simulate --resume {request.RunId} --pg \"<connection string>\"{(storage.Cluster ? " --cluster" : "")}");
        }
        // A driver whose silos are other processes outlives them: it rolls back to the last complete checkpoint.
        Action<string> log = line => Console.Error.WriteLine($"run {request.RunId}: {line}");
        var recovery = host is { IsRemote: true } ? new RunRecovery(MaxAttempts: 10, Delay: TimeSpan.FromSeconds(3), Log: log) : null;
        var calendar = TwinFactory.Calendar(request.Year);
        var tick = ParseTick(request.Tick);
        Console.Error.WriteLine($"run {request.RunId}: Ctrl-C stops at the next tick and writes what was simulated");
        var (books, lastDate) = await ProgressRun.RunAsync(engine, tick, "", cancel, recovery, resume: resumeId is not null,
            request.CheckpointEvery > 0 ? log : null, stage);
        var info = new RunInfo(inventory.Province, request.Year, request.Seed, request.Inventory is null ? request.Scale : inventory.Scale,
            request.Inventory is null ? "generated" : Path.GetFileName(request.Inventory));
        var marketSummary = stage is null ? null : await stage.SummaryAsync();
        var marketRows = stage is null ? null : await stage.RowsAsync(books, closed: lastDate is null);
        // Interrupted: what was simulated is written all the same (the cancellation is not passed on).
        await RunOutputs.WriteAsync(directory, model, books, info, lastDate is null ? cancel : CancellationToken.None, marketRows, marketSummary, lastDate);
        if (lastDate is not null)
        {
            Console.Error.WriteLine($"interrupted: simulated up to {lastDate}; partial results (summary.json \"partial\": true) in {directory}");
            return Interruption.ExitCode;
        }
        if (runs is not null) await runs.MarkAsync(request.RunId, "done", cancel);
        var summary = RunSummary.Of(model, books, info) with { Markets = marketSummary };
        Console.WriteLine(SummaryText.Describe(summary));
        Console.WriteLine($"Simulated {model.EnterpriseCount} enterprises × {calendar.Hours} h in {clock.Elapsed.TotalSeconds:F1} s; results in {directory}");
        return 0;
    }
}
