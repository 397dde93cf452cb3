using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>
/// The province's twin for one world: sets up parks and grid plants and steps them with <see cref="ProvinceStepper"/>.
/// It writes its own snapshot after a checkpoint tick only once every park and plant has answered that tick (each
/// having written its checkpoint first): its newest snapshot therefore marks the last complete checkpoint, the
/// one everyone goes back to after a crash.
/// </summary>
public sealed class ProvinceGrain(
    [PersistentState("province-setup", StateNames.Storage)] IPersistentState<SetupState<ProvinceRoster>> roster,
    [PersistentState("province", StateNames.Storage)] IPersistentState<Checkpoints<ProvinceSnapshot>> checkpoints)
    : Grain, IProvinceGrain
{
    ProvinceStepper? stepper;
    IParkGrain[] parks = [];
    IEnergyAssetGrain[] plants = [];

    ProvinceStepper Stepper => stepper ?? throw new InvalidOperationException($"province {this.GetPrimaryKeyString()} has not been set up for a run");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (roster.State.Value is { } stored)
        {
            Build(stored);
            if (checkpoints.State.Newest is { } newest) stepper!.Restore(newest);
        }
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(ProvinceSetup setup)
    {
        if (stepper is not null) return;
        var value = new ProvinceRoster(setup.Parks.Select(p => p.Park.Id).ToArray(), setup.GridAssets.Select(a => a.Id).ToArray(),
            setup.Settings.Year, setup.Settings.FanOut, setup.Settings.CheckpointEvery);
        Build(value);
        await FanOut.RunAsync(Enumerable.Range(0, parks.Length).ToArray(), value.FanOut, async p =>
        {
            await parks[p].InitializeAsync(setup.Parks[p]);
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, plants.Length).ToArray(), value.FanOut, async a =>
        {
            await plants[a].InitializeAsync(new AssetSetup(setup.GridAssets[a], setup.Settings));
            return true;
        });
        // Written last: a province with a stored roster has every member set up.
        roster.State.Value = value;
        if (value.CheckpointEvery > 0) await roster.WriteStateAsync();
    }

    public async Task<ProvinceTickReply> StepAsync(TickSpan window, TickSpan? next)
    {
        var (parkTotal, grid) = await Stepper.StepAsync(window.Window, next?.Window);
        var every = roster.State.Value!.CheckpointEvery;
        if (every > 0 && (window.Tick + 1) % every == 0 && checkpoints.State.Newest?.Tick != window.Tick)
        {
            checkpoints.State.Push(Stepper.Snapshot(), x => x.Tick);
            await checkpoints.WriteStateAsync();
        }
        return new ProvinceTickReply(parkTotal, grid);
    }

    public async Task<int> RollBackToCheckpointAsync()
    {
        var stored = roster.State.Value ?? throw new InvalidOperationException($"province {this.GetPrimaryKeyString()} was never set up, or its setup was not stored (run with checkpoints to resume)");
        var tick = checkpoints.State.Newest?.Tick ?? -1;
        await FanOut.RunAsync(Enumerable.Range(0, parks.Length).ToArray(), stored.FanOut, async p =>
        {
            await parks[p].RestoreAsync(tick);
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, plants.Length).ToArray(), stored.FanOut, async a =>
        {
            await plants[a].RestoreAsync(tick);
            return true;
        });
        Build(stored);
        if (tick >= 0) stepper!.Restore(checkpoints.State.Newest!);
        return tick;
    }

    public async Task AwardGreenPowerAsync(GreenPowerAward award)
    {
        Stepper.SellGreenPower(award.Month, award.PlantShares);
        // Every park picks its own enterprises' shares out of the award.
        var shares = award.EnterpriseShares.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        await FanOut.RunAsync(Enumerable.Range(0, parks.Length).ToArray(), roster.State.Value!.FanOut, async p =>
        {
            await parks[p].AwardGreenPowerAsync(award.Month, shares);
            return true;
        });
    }

    public Task SignGreenContractsAsync(GreenContract[] contracts)
    {
        Stepper.SignContracts(contracts);
        return Task.CompletedTask;
    }

    public Task<LedgerView[]> GetLedgersAsync() => Task.FromResult(new[]
    {
        new LedgerView(Stepper.Parks.Values, Stepper.LastTick),
        new LedgerView(Stepper.Grid.Values, Stepper.LastTick),
    });

    void Build(ProvinceRoster value)
    {
        var world = this.GetPrimaryKeyString();
        parks = value.Parks.Select(p => GrainFactory.GetGrain<IParkGrain>(TwinKey.Of(world, p))).ToArray();
        plants = value.GridAssets.Select(a => GrainFactory.GetGrain<IEnergyAssetGrain>(TwinKey.Of(world, a))).ToArray();
        stepper = new ProvinceStepper(parks.Length, plants.Length, new Members(parks, plants), value.FanOut, TwinFactory.Calendar(value.Year));
    }

    sealed class Members(IParkGrain[] parks, IEnergyAssetGrain[] plants) : IProvinceMembers
    {
        public async ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next, double[] greenPool, Dictionary<string, double[]> bilateral) =>
            await parks[park].StepAsync(TickSpan.Of(window), TickSpan.Of(next), greenPool, bilateral);

        public async ValueTask<AssetOutput> StepGridAssetAsync(int asset, TickWindow window) =>
            (await plants[asset].StepAsync(TickSpan.Of(window), [])).ToDomain();
    }
}
