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
        var command = new Command("bench", "Time a province-year through the grains and through the flat reference kernel") { seed, scale, year, tick };
        command.SetAction(parse => RunAsync(parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(year), parse.GetValue(tick)!));
        return command;
    }

    static async Task<int> RunAsync(int seed, double scale, int year, string tickName)
    {
        ProvinceSource.CheckYear(year);
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

        await using var cluster = await EmbeddedCluster.StartAsync();
        var grains = await TimeAsync(() => SimulationLoop.RunAsync(new GrainEngine(cluster.Grains, model, $"bench-{seed}"), tick));
        Report("grains", grains.Seconds, enterpriseHours);

        var same = SameBooks(flat.Books, grains.Books);
        Console.WriteLine($"actor tax (grains / flat):  {grains.Seconds / flat.Seconds:F2}");
        Console.WriteLine($"peak memory:                {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB");
        Console.WriteLine($"same books:                 {(same ? "yes" : "NO — the grains and the flat kernel disagree")}");
        return same ? 0 : 1;
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
