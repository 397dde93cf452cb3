using ParkTwin.Contracts;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Twins.Tests.Grains;

/// <summary>
/// Checkpoints held by the parks (their members' snapshots in one row per park) and the province (its grid plants'),
/// in the silo's memory storage: rolling back and stepping on books exactly what a run that never stopped books.
/// </summary>
public sealed class RollBackTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    static ProvinceModel Model(int checkpointEvery) => RunSetup.Model(TestProvince.Inventory, TestProvince.Year, 7, checkpointEvery: checkpointEvery);

    [Fact]
    public async Task Rolling_back_to_the_parks_checkpoints_and_stepping_on_books_what_the_flat_kernel_books()
    {
        var model = Model(checkpointEvery: 10);
        var engine = new GrainEngine(cluster.Grains, model, TestProvince.World("rollback"));
        await engine.SetupAsync();
        await TestProvince.StepDaysAsync(engine, 0, 45);      // checkpoints after ticks 9, 19, 29, 39; then 5 more ticks
        Assert.Equal(39, await engine.RollBackAsync());
        await TestProvince.StepDaysAsync(engine, 40, 75);     // through the end of February and past two more checkpoints
        Books.AssertIdentical(await TestProvince.FlatBooksAsync(model, 75), await engine.BooksAsync());
    }

    [Fact]
    public async Task Rolling_back_before_the_first_checkpoint_starts_the_run_again()
    {
        var model = Model(checkpointEvery: 30);
        var engine = new GrainEngine(cluster.Grains, model, TestProvince.World("rollback-start"));
        await engine.SetupAsync();
        await TestProvince.StepDaysAsync(engine, 0, 12);
        Assert.Equal(-1, await engine.RollBackAsync());
        await TestProvince.StepDaysAsync(engine, 0, 35);
        Books.AssertIdentical(await TestProvince.FlatBooksAsync(model, 35), await engine.BooksAsync());
    }

    [Fact]
    public async Task Without_checkpoints_the_members_answer_with_no_snapshot()
    {
        var model = Model(checkpointEvery: 0);
        var world = TestProvince.World("no-snapshots");
        var engine = new GrainEngine(cluster.Grains, model, world);
        await engine.SetupAsync();
        var spec = model.Parks.SelectMany(p => p.Assets).First().Spec;
        var reply = await cluster.Grains.GetGrain<IEnergyAssetGrain>(TwinKey.Of(world, spec.Id)).StepAsync(TickSpan.Of(TestProvince.Days[0]), []);
        Assert.Null(reply.Snapshot);
    }

    [Fact]
    public void A_restored_asset_does_not_answer_its_restored_tick_again()
    {
        var model = Model(checkpointEvery: 0);
        var spec = model.Parks.SelectMany(p => p.Assets).First(a => !AssetTwin.IsDispatched(a.Spec.Kind)).Spec;
        var twin = TwinFactory.Asset(spec, model.Settings);
        var day = TestProvince.Days[0];
        var output = twin.Step(day, []);
        var restored = TwinFactory.Asset(spec, model.Settings);
        restored.Restore(twin.Snapshot());
        Assert.Equal(twin.Ledger.Values, restored.Ledger.Values);
        var e = Assert.Throws<InvalidOperationException>(() => restored.Step(day, []));
        Assert.Contains("was restored after tick 0", e.Message);
        Assert.Equal(twin.Step(TestProvince.Days[1], []).Row, restored.Step(TestProvince.Days[1], []).Row);
        Assert.NotEmpty(output.Electricity);
    }
}
