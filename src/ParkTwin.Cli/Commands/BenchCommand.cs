using System.CommandLine;
using System.Diagnostics;
using ParkTwin.Cli.Hosting;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin bench [--scale F]</c>: the same province-year through the flat kernel and through the grains, in one
/// process; prints seconds, the actor tax (grains ÷ flat), peak memory and enterprise-hours per second, and checks
/// that both gave the same books.
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
        var command = new Command("bench", "Time a province-year through the grains and through the flat reference kernel; with --storage postgres also a run checkpointing every month and the time of one full checkpoint")
        {
            seed, scale, year, tick, storage, pg, checkpointEvery,
        };
        command.SetAction(parse => RunAsync(parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(year), parse.GetValue(tick)!,
            StorageOptions.Resolve(parse.GetValue(storage)!, parse.GetValue(pg), false, "bench", parse.GetValue(checkpointEvery))));
        return command;
    }

    static async Task<int> RunAsync(int seed, double scale, int year, string tickName, StorageSettings storage)
    {
        ProvinceSource.CheckYear(year);
        await storage.CheckAsync();
        var tick = SimulateCommand.ParseTick(tickName);
        var clock = Stopwatch.StartNew();
        var inventory = ProvinceSource.Load(null, seed, scale);
        var generated = clock.Elapsed.TotalSeconds;
        var model = RunSetup.Model(inventory, year, seed);
        var hours = TwinFactory.Calendar(year).Hours;
        var enterpriseHours = (double)model.EnterpriseCount * hours;
        Console.WriteLine($"province: {model.Parks.Length} parks, {model.EnterpriseCount} enterprises, " +
                          $"{inventory.Assets.Count} assets; {hours} h in ticks of one {tickName}; generated in {generated:F1} s");

        var flat = await TimeAsync(() => SimulationLoop.RunAsync(new FlatEngine(model), tick));
        Report("flat kernel", flat.Seconds, enterpriseHours);

        (double Seconds, RunBooks Books) grains;
        await using (var cluster = await EmbeddedCluster.StartAsync())
            grains = await TimeAsync(() => SimulationLoop.RunAsync(new GrainEngine(cluster.Grains, model, $"bench-{seed}"), tick));
        Report("grains", grains.Seconds, enterpriseHours);

        var same = SameBooks(flat.Books, grains.Books);
        Console.WriteLine($"actor tax (grains / flat):  {grains.Seconds / flat.Seconds:F2}");
        if (storage.IsPostgres) same &= await PostgresAsync(inventory, seed, year, tickName, storage, grains, enterpriseHours);
        Console.WriteLine($"peak memory:                {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB");
        Console.WriteLine($"same books:                 {(same ? "yes" : "NO — the grains and the flat kernel disagree")}");
        return same ? 0 : 1;
    }

    /// <summary>
    /// The same run with grain state in PostgreSQL, checkpointing about once a simulated month (every 30 day ticks,
    /// 4 week ticks or 1 month tick, unless --checkpoint-every says otherwise). A checkpoint's cost is the time of a
    /// checkpoint tick less the median time of the other ticks: every grain's state written, as one full checkpoint.
    /// </summary>
    static async Task<bool> PostgresAsync(Domain.Inventory.ProvinceInventory inventory, int seed, int year, string tickName,
        StorageSettings storage, (double Seconds, RunBooks Books) inMemory, double enterpriseHours)
    {
        var every = storage.CheckpointEvery > 0 && storage.CheckpointEvery != 30 ? storage.CheckpointEvery : tickName switch { "week" => 4, "month" => 1, _ => 30 };
        var model = RunSetup.Model(inventory, year, seed, checkpointEvery: every);
        var tickSeconds = new List<(int Tick, double Seconds)>();
        var lap = Stopwatch.StartNew();
        await using var cluster = await EmbeddedCluster.StartAsync(storage.GrainStorage);
        var run = await TimeAsync(() => SimulationLoop.RunAsync(new GrainEngine(cluster.Grains, model, $"bench-{seed}-{DateTime.UtcNow:yyyyMMddHHmmss}"),
            SimulateCommand.ParseTick(tickName), (window, _) =>
            {
                tickSeconds.Add((window.Tick, lap.Elapsed.TotalSeconds));
                lap.Restart();
            }));
        Report($"grains + postgres (every {every})", run.Seconds, enterpriseHours);
        var checkpoints = tickSeconds.Where(t => model.Settings.IsCheckpoint(t.Tick)).Select(t => t.Seconds).ToArray();
        var others = tickSeconds.Where(t => !model.Settings.IsCheckpoint(t.Tick) && t.Tick > 0).Select(t => t.Seconds).Order().ToArray();
        // With every tick a checkpoint (month ticks), the in-memory run gives the time of a tick without one.
        var median = others.Length > 0 ? others[others.Length / 2] : inMemory.Seconds / tickSeconds.Count;
        var cost = checkpoints.Select(c => c - median).ToArray();
        Console.WriteLine($"one full checkpoint:        {cost.Average(),7:F2} s on average, {cost.Max():F2} s at most ({checkpoints.Length} checkpoints, {model.Parks.Sum(p => p.Enterprises.Length + p.Assets.Length) + model.Parks.Length + model.GridAssets.Length + 1} grains)");
        Console.WriteLine($"postgres / in-memory run:   {run.Seconds / inMemory.Seconds:F2}");
        return SameBooks(inMemory.Books, run.Books);
    }

    static async Task<(double Seconds, RunBooks Books)> TimeAsync(Func<Task<RunBooks>> run)
    {
        var clock = Stopwatch.StartNew();
        var books = await run();
        return (clock.Elapsed.TotalSeconds, books);
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
