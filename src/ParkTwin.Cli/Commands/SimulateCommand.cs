using System.CommandLine;
using System.Diagnostics;
using ParkTwin.Cli.Hosting;
using ParkTwin.Domain;
using ParkTwin.Domain.Factors;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using Spectre.Console;

namespace ParkTwin.Cli.Commands;

/// <summary><c>parktwin simulate [INVENTORY] [--seed N] [--scale F] [--year Y] [--out DIR]</c>: one province-year, hour by hour.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("inventory") { Description = "Inventory .json from 'parktwin generate' (default: generate one from --seed and --scale)", Arity = ArgumentArity.ZeroOrOne };
        var seed = ProvinceSource.SeedOption();
        var scale = ProvinceSource.ScaleOption();
        var year = ProvinceSource.YearOption();
        var output = new Option<string?>("--out") { Description = "Directory for the results (default: runs/sichuan-<year>-seed<seed>-scale<scale>)" };
        var tick = TickOption();
        var engine = new Option<string>("--engine") { Description = "grains (the Orleans twins) or flat (the reference kernel); results are identical", DefaultValueFactory = _ => "grains" };
        engine.AcceptOnlyFromAmong("grains", "flat");
        var method = new Option<string>("--electricity-method") { Description = "calorific (0.1229 kgce/kWh) or coal (coal-equivalent) for electricity in tce", DefaultValueFactory = _ => "calorific" };
        method.AcceptOnlyFromAmong("calorific", "coal");
        var markets = MarketsOption();
        var command = new Command("simulate", "Step the province through a year, hour by hour, and write monthly results and summary.json")
        {
            input, seed, scale, year, output, tick, engine, method, markets,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(input), parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(year),
            parse.GetValue(output), ParseTick(parse.GetValue(tick)!), parse.GetValue(engine)!, parse.GetValue(method)!, parse.GetValue(markets)!, cancel));
        return command;
    }

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

    static async Task<int> RunAsync(string? input, int seed, double scale, int year, string? output, TickLength tick, string engineName,
        string method, string marketsName, CancellationToken cancel)
    {
        ProvinceSource.CheckYear(year);
        var markets = ParseMarkets(marketsName);
        var inventory = ProvinceSource.Load(input, seed, scale);
        var model = RunSetup.Model(inventory, year, seed, method == "coal" ? ElectricityMethod.CoalEquivalent : ElectricityMethod.CalorificEquivalent,
            markets.Certificates.RetireForScope2);
        var directory = output ?? Path.Combine("runs", $"sichuan-{year}-seed{seed}-scale{scale}");
        if (File.Exists(directory)) throw new InputException("--out", $"{directory} is a file, not a directory");

        var clock = Stopwatch.StartNew();
        await using var cluster = engineName == "grains" ? await EmbeddedCluster.StartAsync() : null;
        var world = $"run-{seed}-{year}";
        IProvinceEngine engine = cluster is null ? new FlatEngine(model) : new GrainEngine(cluster.Grains, model, world);
        IMarketDesk desk = cluster is null ? new LocalMarketDesk() : new GrainMarketDesk(cluster.Grains, world);
        var stage = markets.Any ? new MarketStage(model, markets, desk) : null;
        var calendar = TwinFactory.Calendar(year);
        RunBooks books = null!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{model.Parks.Length} parks, {model.EnterpriseCount} enterprises: setting up", maxValue: 1);
                books = await SimulationLoop.RunAsync(engine, tick, (window, count) =>
                {
                    task.MaxValue = count;
                    task.Value = window.Tick + 1;
                    task.Description = $"{model.Parks.Length} parks, {model.EnterpriseCount} enterprises: {calendar.TimeOf(window.StartHour):yyyy-MM-dd}";
                }, cancel, stage);
            });
        var info = new RunInfo(inventory.Province, year, seed, input is null ? scale : inventory.Scale,
            input is null ? "generated" : Path.GetFileName(input));
        var marketSummary = stage is null ? null : await stage.SummaryAsync();
        await RunOutputs.WriteAsync(directory, model, books, info, cancel, stage?.Rows, marketSummary);
        var summary = RunSummary.Of(model, books, info) with { Markets = marketSummary };
        Console.WriteLine(SummaryText.Describe(summary));
        Console.WriteLine($"Simulated {model.EnterpriseCount} enterprises × {calendar.Hours} h in {clock.Elapsed.TotalSeconds:F1} s; results in {directory}");
        return 0;
    }
}
