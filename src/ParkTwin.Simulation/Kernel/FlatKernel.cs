using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Kernel;

/// <summary>
/// The flat reference kernel: the same Domain twins and steppers over plain arrays, no actors. Parks run in
/// parallel on the thread pool. The benchmark holds the grains against it, and tests hold the grains' results to it.
/// </summary>
public sealed class FlatKernel
{
    readonly ProvinceModel model;
    readonly EnterpriseTwin[][] enterprises;
    readonly AssetTwin[][] assets;
    readonly AssetTwin[] grid;
    readonly ParkStepper[] parks;
    readonly ProvinceStepper province;

    public FlatKernel(ProvinceModel model)
    {
        this.model = model;
        var settings = model.Settings;
        enterprises = model.Parks.Select(p => p.Enterprises.Select(e => TwinFactory.Enterprise(e, model.Industries[e.Industry], settings)).ToArray()).ToArray();
        assets = model.Parks.Select(p => p.Assets.Select(a => TwinFactory.Asset(a.Spec, settings)).ToArray()).ToArray();
        grid = model.GridAssets.Select(a => TwinFactory.Asset(a, settings)).ToArray();
        // Members call twins directly; a park's calls run one after another on its own thread-pool task.
        parks = model.Parks.Select((layout, p) => new ParkStepper(layout, settings.Factors, new ParkMembers(enterprises[p], assets[p]), 1)).ToArray();
        province = new ProvinceStepper(parks.Length, grid.Length, new ProvinceMembers(this), Environment.ProcessorCount * 2,
            TwinFactory.Calendar(settings.Year));
    }

    public ProvinceModel Model => model;

    public async Task StepAsync(TickWindow window, TickWindow? next) => await province.StepAsync(window, next);

    /// <summary>Every twin's snapshot after the last tick: what the grains write at a checkpoint, here in one object.</summary>
    public KernelCheckpoint Checkpoint() => new(
        enterprises.Select(park => park.Select(e => e.Snapshot()).ToArray()).ToArray(),
        assets.Select(park => park.Select(a => a.Snapshot()).ToArray()).ToArray(),
        grid.Select(a => a.Snapshot()).ToArray(),
        parks.Select(p => p.Snapshot()).ToArray(),
        province.Snapshot());

    public void Restore(KernelCheckpoint checkpoint)
    {
        for (var p = 0; p < parks.Length; p++)
        {
            for (var e = 0; e < enterprises[p].Length; e++) enterprises[p][e].Restore(checkpoint.Enterprises[p][e]);
            for (var a = 0; a < assets[p].Length; a++) assets[p][a].Restore(checkpoint.Assets[p][a]);
            parks[p].Restore(checkpoint.Parks[p]);
        }
        for (var a = 0; a < grid.Length; a++) grid[a].Restore(checkpoint.Grid[a]);
        province.Restore(checkpoint.Province);
    }

    public void AwardGreenPower(GreenPowerAward award)
    {
        province.SellGreenPower(award.Month, award.PlantShares);
        foreach (var twin in enterprises.SelectMany(e => e))
            twin.AwardGreenPower(award.Month, award.EnterpriseShares.GetValueOrDefault(twin.Spec.Id));
    }

    public void SignGreenContracts(GreenContract[] contracts) => province.SignContracts(contracts);

    public RunBooks Books() => new(
        model.Parks.SelectMany((p, i) => p.Enterprises.Select((e, k) => (e.Id, enterprises[i][k].Ledger)))
            .OrderBy(e => e.Id, StringComparer.Ordinal).ToArray(),
        model.Parks.Select((p, i) => (p.Park.Id, parks[i].Ledger)).ToArray(),
        province.Parks,
        province.Grid);

    sealed class ParkMembers(EnterpriseTwin[] enterprises, AssetTwin[] assets) : IParkMembers
    {
        public ValueTask<EnterprisePlan> PlanAsync(int enterprise, TickWindow window) =>
            ValueTask.FromResult(enterprises[enterprise].PlanFor(window));

        public ValueTask<AssetOutput> StepAssetAsync(int asset, TickWindow window, double[] signal) =>
            ValueTask.FromResult(assets[asset].Step(window, signal));

        public ValueTask<EnterpriseResult> SettleAsync(int enterprise, TickWindow window, EnterpriseSupply supply, TickWindow? next) =>
            ValueTask.FromResult(enterprises[enterprise].Step(window, supply, next));
    }

    sealed class ProvinceMembers(FlatKernel kernel) : IProvinceMembers
    {
        public async ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next, double[] greenPool, Dictionary<string, double[]> bilateral) =>
            await Task.Run(async () => await kernel.parks[park].StepAsync(window, next, kernel.MonthOf(window), greenPool, bilateral));

        public ValueTask<AssetOutput> StepGridAssetAsync(int asset, TickWindow window) =>
            ValueTask.FromResult(kernel.grid[asset].Step(window, []));
    }

    int MonthOf(TickWindow window) => TwinFactory.Calendar(model.Settings.Year).MonthOf(window.StartHour);
}

/// <summary>All twins' snapshots of a flat run, by park and index.</summary>
public sealed record KernelCheckpoint(EnterpriseSnapshot[][] Enterprises, AssetSnapshot[][] Assets, AssetSnapshot[] Grid,
    ParkSnapshot[] Parks, ProvinceSnapshot Province);
