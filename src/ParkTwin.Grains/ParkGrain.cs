using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Grains;

/// <summary>
/// A park's twin: sets up its enterprises and assets, then runs <see cref="ParkStepper"/> with grain calls as
/// its members. Calls only go down (to enterprises and assets), never back up.
/// </summary>
public sealed class ParkGrain : Grain, IParkGrain
{
    ParkStepper? stepper;
    YearCalendar? calendar;
    Members? members;
    int fanOut = 1;

    ParkStepper Stepper => stepper ?? throw new InvalidOperationException($"park {this.GetPrimaryKeyString()} has not been set up for a run");

    public async Task InitializeAsync(ParkSetup setup)
    {
        if (stepper is not null) return;
        var world = TwinKey.Parse(this.GetPrimaryKeyString()).World;
        var layout = new ParkLayout(setup.Park, setup.Enterprises, setup.Assets);
        var enterprises = layout.Enterprises.Select(e => GrainFactory.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, e.Id))).ToArray();
        var assets = layout.Assets.Select(a => GrainFactory.GetGrain<IEnergyAssetGrain>(TwinKey.Of(world, a.Spec.Id))).ToArray();
        var fanOut = setup.Settings.FanOut;
        await FanOut.RunAsync(Enumerable.Range(0, enterprises.Length).ToArray(), fanOut, async e =>
        {
            await enterprises[e].InitializeAsync(new EnterpriseSetup(layout.Enterprises[e], setup.Industries[layout.Enterprises[e].Industry], setup.Settings));
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, assets.Length).ToArray(), fanOut, async a =>
        {
            await assets[a].InitializeAsync(new AssetSetup(layout.Assets[a].Spec, setup.Settings));
            return true;
        });
        calendar = TwinFactory.Calendar(setup.Settings.Year);
        this.fanOut = fanOut;
        members = new Members(enterprises, assets);
        stepper = new ParkStepper(layout, setup.Settings.Factors, members, fanOut);
    }

    public async Task<double[]> StepAsync(TickSpan window, TickSpan? next, double[] greenPool) =>
        await Stepper.StepAsync(window.Window, next?.Window, calendar!.MonthOf(window.StartHour), greenPool);

    public async Task AwardGreenPowerAsync(int month, Dictionary<string, double> enterpriseShares)
    {
        var enterprises = Stepper.Layout.Enterprises;
        await FanOut.RunAsync(Enumerable.Range(0, enterprises.Length).ToArray(), fanOut, async e =>
        {
            await members!.Enterprise(e).AwardGreenPowerAsync(month, enterpriseShares.GetValueOrDefault(enterprises[e].Id));
            return true;
        });
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Stepper.Ledger.Values, Stepper.LastTick));

    public Task<string[]> GetEnterpriseIdsAsync() => Task.FromResult(Stepper.Layout.Enterprises.Select(e => e.Id).ToArray());

    sealed class Members(IEnterpriseGrain[] enterprises, IEnergyAssetGrain[] assets) : IParkMembers
    {
        public IEnterpriseGrain Enterprise(int e) => enterprises[e];

        public async ValueTask<EnterprisePlan> PlanAsync(int enterprise, TickWindow window) =>
            (await enterprises[enterprise].PlanAsync(TickSpan.Of(window))).ToDomain();

        public async ValueTask<AssetOutput> StepAssetAsync(int asset, TickWindow window, double[] signal) =>
            (await assets[asset].StepAsync(TickSpan.Of(window), signal)).ToDomain();

        public async ValueTask<EnterpriseResult> SettleAsync(int enterprise, TickWindow window, EnterpriseSupply supply, TickWindow? next)
        {
            var reply = await enterprises[enterprise].SettleAsync(
                new SettleRequest(TickSpan.Of(window), supply.Onsite, supply.ParkElectricity, supply.ParkHeat, TickSpan.Of(next), supply.GreenPool ?? []));
            return new EnterpriseResult(reply.Row, reply.Next?.ToDomain());
        }
    }
}
