using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Kernel;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Twins.Tests.Checkpoints;

/// <summary>
/// Snapshots of the Domain twins (enterprises, assets with storage, parks, the province), taken through the flat
/// kernel which runs exactly those classes: restoring and stepping on must give the books of a run that never stopped.
/// </summary>
public sealed class SnapshotRestoreTests
{
    static ProvinceModel Model() => RunSetup.Model(ProvinceGenerator.Generate(7, 0.02), 2023, 7);

    static async Task<RunBooks> RunAsync(FlatKernel kernel, IReadOnlyList<TickWindow> ticks, int from, int to)
    {
        for (var i = from; i < to; i++) await kernel.StepAsync(ticks[i], i + 1 < ticks.Count ? ticks[i + 1] : null);
        return kernel.Books();
    }

    [Theory]
    [InlineData(TickLength.Day, 45)]   // mid-February: months half booked, batteries part charged
    [InlineData(TickLength.Week, 30)]
    public async Task Restoring_a_snapshot_into_fresh_twins_and_stepping_on_gives_identical_books(TickLength length, int stopAfter)
    {
        var model = Model();
        var ticks = TwinFactory.Calendar(2023).Ticks(length);
        var straight = await RunAsync(new FlatKernel(model), ticks, 0, ticks.Count);

        var first = new FlatKernel(model);
        await RunAsync(first, ticks, 0, stopAfter);
        var checkpoint = first.Checkpoint();
        // More ticks after the checkpoint, then thrown away: as when a silo dies between checkpoints.
        await RunAsync(first, ticks, stopAfter, stopAfter + 3);

        var resumed = new FlatKernel(model);
        resumed.Restore(checkpoint);
        var books = await RunAsync(resumed, ticks, stopAfter, ticks.Count);

        AssertSameBooks(straight, books);
    }

    [Fact]
    public async Task Restoring_into_twins_that_ran_ahead_rolls_them_back()
    {
        var model = Model();
        var ticks = TwinFactory.Calendar(2023).Ticks(TickLength.Day);
        var straight = await RunAsync(new FlatKernel(model), ticks, 0, ticks.Count);

        var kernel = new FlatKernel(model);
        await RunAsync(kernel, ticks, 0, 100);
        var checkpoint = kernel.Checkpoint();
        await RunAsync(kernel, ticks, 100, 140);
        kernel.Restore(checkpoint);
        AssertSameBooks(straight, await RunAsync(kernel, ticks, 100, ticks.Count));
    }

    [Fact]
    public void A_ledger_snapshot_keeps_only_the_months_booked_so_far()
    {
        var ledger = new MonthlyLedger();
        var row = new double[Metric.Count];
        row[3] = 1.5;
        ledger.Set(1, row);
        var trimmed = LedgerSnapshot.Trimmed(ledger);
        Assert.Equal(2 * Metric.Count, trimmed.Length);
        var back = new MonthlyLedger();
        back.Set(5, row);
        LedgerSnapshot.Restore(back, trimmed);
        Assert.Equal(ledger.Values, back.Values);
    }

    static void AssertSameBooks(RunBooks expected, RunBooks actual)
    {
        Assert.Equal(expected.Enterprises.Length, actual.Enterprises.Length);
        for (var i = 0; i < expected.Enterprises.Length; i++)
            Assert.True(expected.Enterprises[i].Ledger.Values.SequenceEqual(actual.Enterprises[i].Ledger.Values), $"enterprise {expected.Enterprises[i].Id} differs");
        for (var i = 0; i < expected.Parks.Length; i++)
            Assert.True(expected.Parks[i].Ledger.Values.SequenceEqual(actual.Parks[i].Ledger.Values), $"park {expected.Parks[i].Id} differs");
        Assert.True(expected.ProvinceParks.Values.SequenceEqual(actual.ProvinceParks.Values), "province parks differ");
        Assert.True(expected.Grid.Values.SequenceEqual(actual.Grid.Values), "grid differs");
    }
}
