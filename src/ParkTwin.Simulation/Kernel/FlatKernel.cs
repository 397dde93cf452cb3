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
        public async ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next) =>
            await Task.Run(async () => await kernel.parks[park].StepAsync(window, next, kernel.MonthOf(window)));

        public ValueTask<AssetOutput> StepGridAssetAsync(int asset, TickWindow window) =>
            ValueTask.FromResult(kernel.grid[asset].Step(window, []));
    }

    int MonthOf(TickWindow window) => TwinFactory.Calendar(model.Settings.Year).MonthOf(window.StartHour);
}
