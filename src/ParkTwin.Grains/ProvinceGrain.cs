using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Grains;

/// <summary>The province's twin for one world: sets up parks and grid plants and steps them with <see cref="ProvinceStepper"/>.</summary>
public sealed class ProvinceGrain : Grain, IProvinceGrain
{
    ProvinceStepper? stepper;
    IParkGrain[]? parks;
    string[][]? parkEnterprises;
    int fanOut = 1;

    ProvinceStepper Stepper => stepper ?? throw new InvalidOperationException($"province {this.GetPrimaryKeyString()} has not been set up for a run");

    public async Task InitializeAsync(ProvinceSetup setup)
    {
        if (stepper is not null) return;
        var world = this.GetPrimaryKeyString();
        var parks = setup.Parks.Select(p => GrainFactory.GetGrain<IParkGrain>(TwinKey.Of(world, p.Park.Id))).ToArray();
        var plants = setup.GridAssets.Select(a => GrainFactory.GetGrain<IEnergyAssetGrain>(TwinKey.Of(world, a.Id))).ToArray();
        var fanOut = setup.Settings.FanOut;
        await FanOut.RunAsync(Enumerable.Range(0, parks.Length).ToArray(), fanOut, async p =>
        {
            await parks[p].InitializeAsync(setup.Parks[p]);
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, plants.Length).ToArray(), fanOut, async a =>
        {
            await plants[a].InitializeAsync(new AssetSetup(setup.GridAssets[a], setup.Settings));
            return true;
        });
        this.parks = parks;
        this.fanOut = fanOut;
        parkEnterprises = setup.Parks.Select(p => p.Enterprises.Select(e => e.Id).ToArray()).ToArray();
        stepper = new ProvinceStepper(parks.Length, plants.Length, new Members(parks, plants), fanOut, TwinFactory.Calendar(setup.Settings.Year));
    }

    public async Task<ProvinceTickReply> StepAsync(TickSpan window, TickSpan? next)
    {
        var (parks, grid) = await Stepper.StepAsync(window.Window, next?.Window);
        return new ProvinceTickReply(parks, grid);
    }

    public async Task AwardGreenPowerAsync(GreenPowerAward award)
    {
        Stepper.SellGreenPower(award.Month, award.PlantShares);
        // Each park gets the shares of its own enterprises only.
        await FanOut.RunAsync(Enumerable.Range(0, parks!.Length).ToArray(), fanOut, async p =>
        {
            var mine = parkEnterprises![p].Where(award.EnterpriseShares.ContainsKey).ToDictionary(id => id, id => award.EnterpriseShares[id]);
            await parks[p].AwardGreenPowerAsync(award.Month, mine);
            return true;
        });
    }

    public Task<LedgerView[]> GetLedgersAsync() => Task.FromResult(new[]
    {
        new LedgerView(Stepper.Parks.Values, Stepper.LastTick),
        new LedgerView(Stepper.Grid.Values, Stepper.LastTick),
    });

    sealed class Members(IParkGrain[] parks, IEnergyAssetGrain[] plants) : IProvinceMembers
    {
        public async ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next, double[] greenPool) =>
            await parks[park].StepAsync(TickSpan.Of(window), TickSpan.Of(next), greenPool);

        public async ValueTask<AssetOutput> StepGridAssetAsync(int asset, TickWindow window) =>
            (await plants[asset].StepAsync(TickSpan.Of(window), [])).ToDomain();
    }
}
