using System.CommandLine;
using System.Diagnostics;
using ParkTwin.Cli.Hosting;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Domain;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Scenarios;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin bench [--scale F] [--scenario FILE]</c>: the same province-year — with the shipped markets and the
/// enterprises' abatement decisions on, or a scenario's first year with its policies — through the flat kernel
/// and through the grains, in one process; prints the time of the year's decisions, seconds per engine, the actor
/// tax (grains ÷ flat), peak memory and enterprise-hours per second, and checks that both gave the same books and
/// market rows.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var seed = ProvinceSource.SeedOption();
        var scale = ProvinceSource.ScaleOption();
        var year = ProvinceSource.YearOption();
        // Longer ticks mean fewer, fatter grain calls; the books are the same bit for bit (docs/simulation.md).
        var tick = SimulateCommand.TickOption("month");
        var storage = StorageOptions.Storage();
        var pg = StorageOptions.Pg();
        var checkpointEvery = StorageOptions.CheckpointEvery();
        var scenarioFile = new Option<string?>("--scenario")
        {
            Description = "Bench a scenario's first year (its province, tick, markets and policies) instead of the generated province with the shipped markets",
        };
        var command = new Command("bench", "Time a province-year with markets and decisions through the grains and through the flat reference kernel; with --storage postgres also a run checkpointing every month and the time of one full checkpoint")
        {
            seed, scale, year, tick, storage, pg, checkpointEvery, scenarioFile,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scenarioFile);
            if (file is not null)
                foreach (var (option, key) in new (Option, string)[] { (year, "years"), (tick, "tick") })
                    if (parse.GetResult(option) is { Implicit: false })
                        throw new InputException(option.Name, $"set by the scenario ({key}), not on the command line");
            var scenario = file is null ? null : ScenarioLoader.Load(file, SimulateCommand.Given(parse, seed), SimulateCommand.Given(parse, scale));
            return RunAsync(scenario, parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(year), parse.GetValue(tick)!,
                StorageOptions.Resolve(parse.GetValue(storage)!, parse.GetValue(pg), false, "bench", parse.GetValue(checkpointEvery)));
        });
        return command;
    }

    static async Task<int> RunAsync(Scenario? given, int seed, double scale, int year, string tickName, StorageSettings storage)
    {
        ProvinceSource.CheckYear(year);
        await storage.CheckAsync();
        var clock = Stopwatch.StartNew();
        var scenario = given ?? Generated(seed, scale, year, tickName);
        (seed, year, tickName) = (scenario.Seed, scenario.FromYear, scenario.Tick);
        var tick = SimulateCommand.ParseTick(tickName);
        var generated = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var prepared = ScenarioYear.Prepare(scenario, year, new ScenarioState());
        var decided = clock.Elapsed.TotalSeconds;
        var model = prepared.Model;
        var hours = TwinFactory.Calendar(year).Hours;
        var enterpriseHours = (double)model.EnterpriseCount * hours;
        var adopted = prepared.State.Adoptions.Values.Sum(a => a.Count);
        Console.WriteLine($"province: {model.Parks.Length} parks, {model.EnterpriseCount} enterprises, " +
                          $"{model.Inventory.Assets.Count} assets; {hours} h in ticks of one {tickName}; {(given is null ? "generated" : "loaded")} in {generated:F1} s");
        Console.WriteLine($"decisions and policies:     {decided,7:F2} s   {adopted} adoptions by {prepared.State.Adoptions.Count} enterprises; " +
                          $"markets: {(scenario.Markets.Any ? "on" : "off")}, {scenario.Policies.Count} policies");

        var flat = await TimeAsync(() => RunYearAsync(prepared, new FlatEngine(model), new LocalMarketDesk(), tick));
        Report("flat kernel", flat.Seconds, enterpriseHours);

        (double Seconds, (RunBooks Books, IReadOnlyList<TidyRow> Rows) Run) grains;
        await using (var cluster = await EmbeddedCluster.StartAsync())
            grains = await TimeAsync(() => RunYearAsync(prepared, new GrainEngine(cluster.Grains, model, $"bench-{seed}"), new GrainMarketDesk(cluster.Grains, $"bench-{seed}"), tick));
        Report("grains", grains.Seconds, enterpriseHours);

        var same = SameBooks(flat.Run.Books, grains.Run.Books) && flat.Run.Rows.SequenceEqual(grains.Run.Rows);
        Console.WriteLine($"actor tax (grains / flat):  {grains.Seconds / flat.Seconds:F2}");
        if (storage.IsPostgres) same &= await PostgresAsync(scenario, year, tickName, storage, (grains.Seconds, grains.Run.Books), enterpriseHours);
        Console.WriteLine($"peak memory:                {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB");
        Console.WriteLine($"same books:                 {(same ? "yes" : "NO — the grains and the flat kernel disagree")}");
        return same ? 0 : 1;
    }

    /// <summary>
    /// The same run with grain state in PostgreSQL, checkpointing about once a simulated month (every 30 day ticks,
    /// 4 week ticks or 1 month tick, unless --checkpoint-every says otherwise). A checkpoint's cost is the time of a
    /// checkpoint tick less the median time of the other ticks: every grain's state written, as one full checkpoint.
    /// </summary>
    static async Task<bool> PostgresAsync(Scenario scenario, int year, string tickName,
        StorageSettings storage, (double Seconds, RunBooks Books) inMemory, double enterpriseHours)
    {
        var every = storage.CheckpointEvery > 0 && storage.CheckpointEvery != 30 ? storage.CheckpointEvery : tickName switch { "week" => 4, "month" => 1, _ => 30 };
        var prepared = ScenarioYear.Prepare(scenario, year, new ScenarioState(), checkpointEvery: every);
        var model = prepared.Model;
        var tickSeconds = new List<(int Tick, double Seconds)>();
        var lap = Stopwatch.StartNew();
        await using var cluster = await EmbeddedCluster.StartAsync(storage.GrainStorage);
        var world = $"bench-{scenario.Seed}-{DateTime.UtcNow:yyyyMMddHHmmss}";
        var run = await TimeAsync(async () => (await RunYearAsync(prepared, new GrainEngine(cluster.Grains, model, world), new GrainMarketDesk(cluster.Grains, world),
            SimulateCommand.ParseTick(tickName), (window, _) =>
            {
                tickSeconds.Add((window.Tick, lap.Elapsed.TotalSeconds));
                lap.Restart();
            })).Books);
        Report($"grains + postgres (every {every})", run.Seconds, enterpriseHours);
        var checkpoints = tickSeconds.Where(t => model.Settings.IsCheckpoint(t.Tick)).Select(t => t.Seconds).ToArray();
        var others = tickSeconds.Where(t => !model.Settings.IsCheckpoint(t.Tick) && t.Tick > 0).Select(t => t.Seconds).Order().ToArray();
        // With every tick a checkpoint (month ticks), the in-memory run gives the time of a tick without one.
        var median = others.Length > 0 ? others[others.Length / 2] : inMemory.Seconds / tickSeconds.Count;
        var cost = checkpoints.Select(c => c - median).ToArray();
        Console.WriteLine($"one full checkpoint:        {cost.Average(),7:F2} s on average, {cost.Max():F2} s at most ({checkpoints.Length} checkpoints, {model.Parks.Sum(p => p.Enterprises.Length + p.Assets.Length) + model.Parks.Length + model.GridAssets.Length + 1} grains)");
        Console.WriteLine($"postgres / in-memory run:   {run.Seconds / inMemory.Seconds:F2}");
        return SameBooks(inMemory.Books, run.Run);
    }

    /// <summary>A generated province-year with the shipped markets and decisions on: what a scenario without keys would run.</summary>
    static Scenario Generated(int seed, double scale, int year, string tick) => new()
    {
        File = "(bench)", Name = "bench", Seed = seed, Scale = scale, Inventory = ProvinceSource.Load(null, seed, scale),
        FromYear = year, ToYear = year, Tick = tick, Markets = ScenarioLoader.MergedMarkets(null),
    };

    /// <summary>The year with its markets (when any) and its policy and decision rows, as a scenario run steps it.</summary>
    static async Task<(RunBooks Books, IReadOnlyList<TidyRow> Rows)> RunYearAsync(ScenarioYear year, IProvinceEngine engine, IMarketDesk desk,
        Domain.Time.TickLength tick, Action<Domain.Time.TickWindow, int>? afterTick = null)
    {
        var stage = year.Stage(desk);
        var books = await SimulationLoop.RunAsync(engine, tick, afterTick, markets: stage);
        return (books, year.Rows(stage is null ? null : await stage.RowsAsync(books), books));
    }

    static async Task<(double Seconds, T Run)> TimeAsync<T>(Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (clock.Elapsed.TotalSeconds, result);
    }

    static void Report(string what, double seconds, double enterpriseHours) =>
        Console.WriteLine($"{what + ":",-27} {seconds,7:F2} s   {enterpriseHours / seconds / 1e6,7:F2} M enterprise-hours/s");

    static bool SameBooks(RunBooks a, RunBooks b) =>
        a.Enterprises.Length == b.Enterprises.Length
        && a.Enterprises.Zip(b.Enterprises).All(p => p.First.Id == p.Second.Id && p.First.Ledger.Values.SequenceEqual(p.Second.Ledger.Values))
        && a.Parks.Zip(b.Parks).All(p => p.First.Id == p.Second.Id && p.First.Ledger.Values.SequenceEqual(p.Second.Ledger.Values))
        && a.ProvinceParks.Values.SequenceEqual(b.ProvinceParks.Values)
        && a.Grid.Values.SequenceEqual(b.Grid.Values);
}
