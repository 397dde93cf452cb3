using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>
/// The province's twin for one world: sets up parks and grid plants and steps them with <see cref="ProvinceStepper"/>.
/// After a checkpoint tick it writes one row, its own snapshot and its grid plants' (which came back with their
/// answers), only once every park has answered that tick (each having written its checkpoint first): its newest
/// checkpoint therefore marks the last complete checkpoint, the one everyone goes back to after a crash.
/// </summary>
public sealed class ProvinceGrain(
    [PersistentState("province-setup", StateNames.Storage)] IPersistentState<SetupState<ProvinceRoster>> roster,
    [PersistentState("province-checkpoints", StateNames.Storage)] IPersistentState<Checkpoints<ProvinceCheckpoint>> checkpoints)
    : Grain, IProvinceGrain
{
    ProvinceStepper? stepper;
    IParkGrain[] parks = [];
    IEnergyAssetGrain[] plants = [];
    Members? members;

    ProvinceStepper Stepper => stepper ?? throw new InvalidOperationException($"province {this.GetPrimaryKeyString()} has not been set up for a run");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (roster.State.Value is { } stored)
        {
            Build(stored);
            if (checkpoints.State.Newest is { } newest) stepper!.Restore(newest.Province);
        }
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(ProvinceSetup setup)
    {
        if (stepper is not null) return;
        var value = new ProvinceRoster(setup.Parks.Select(p => p.Park.Id).ToArray(), setup.GridAssets.Select(a => a.Id).ToArray(),
            setup.Settings.Year, setup.Settings.FanOut, setup.Settings.CheckpointEvery, setup.GridAssets, setup.Settings);
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
            checkpoints.State.Push(new ProvinceCheckpoint(Stepper.Snapshot(), members!.TakePlantSnapshots(window.Tick)), x => x.Tick);
            await checkpoints.WriteStateAsync();
        }
        return new ProvinceTickReply(parkTotal, grid);
    }

    public async Task<int> RollBackToCheckpointAsync()
    {
        var stored = roster.State.Value ?? throw new InvalidOperationException($"province {this.GetPrimaryKeyString()} was never set up, or its setup was not stored (run with checkpoints to resume)");
        if (stored.GridSpecs is null || stored.Settings is null)
            throw new InvalidOperationException($"province {this.GetPrimaryKeyString()} was stored by an earlier version of ParkTwin (its roster has no grid plant specs); run it again instead of resuming it");
        var checkpoint = checkpoints.State.Newest;
        var tick = checkpoint?.Tick ?? -1;
        if (checkpoint is not null && checkpoint.Plants.Length != stored.GridSpecs.Length)
            throw new InvalidOperationException($"province {this.GetPrimaryKeyString()}: its checkpoint after tick {tick} holds {checkpoint.Plants.Length} grid plants, its roster {stored.GridSpecs.Length}");
        Build(stored);
        await FanOut.RunAsync(Enumerable.Range(0, parks.Length).ToArray(), stored.FanOut, async p =>
        {
            await parks[p].RestoreAsync(tick);
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, plants.Length).ToArray(), stored.FanOut, async a =>
        {
            await plants[a].RestoreAsync(new AssetSetup(stored.GridSpecs[a], stored.Settings), checkpoint?.Plants[a]);
            return true;
        });
        if (checkpoint is not null) stepper!.Restore(checkpoint.Province);
        return tick;
    }

    public Task SignGreenContractsAsync(GreenContract[] contracts)
    {
        Stepper.SignContracts(contracts);
        return Task.CompletedTask;
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

    public async Task RetireAsync()
    {
        var fanOut = roster.State.Value?.FanOut ?? 64;
        await FanOut.RunAsync(Enumerable.Range(0, parks.Length).ToArray(), fanOut, async p => { await parks[p].RetireAsync(); return 0; });
        await FanOut.RunAsync(Enumerable.Range(0, plants.Length).ToArray(), fanOut, async a => { await plants[a].RetireAsync(); return 0; });
        DeactivateOnIdle();
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
        members = new Members(parks, plants);
        stepper = new ProvinceStepper(parks.Length, plants.Length, members, value.FanOut, TwinFactory.Calendar(value.Year));
    }

    /// <summary>Parks and plants as grain calls; keeps the snapshots the plants return with a checkpoint tick's answers.</summary>
    sealed class Members(IParkGrain[] parks, IEnergyAssetGrain[] plants) : IProvinceMembers
    {
        readonly AssetState?[] plantSnapshots = new AssetState?[plants.Length];

        public async ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next, double[] greenPool, Dictionary<string, double[]> bilateral) =>
            await parks[park].StepAsync(TickSpan.Of(window), TickSpan.Of(next), greenPool, bilateral);

        public async ValueTask<AssetOutput> StepGridAssetAsync(int asset, TickWindow window)
        {
            var reply = await plants[asset].StepAsync(TickSpan.Of(window), []);
            if (reply.Snapshot is not null) plantSnapshots[asset] = reply.Snapshot;
            return reply.ToDomain();
        }

        public AssetState[] TakePlantSnapshots(int tick)
        {
            var missing = Array.FindIndex(plantSnapshots, s => s is null || s.Tick != tick);
            if (missing >= 0)
                throw new InvalidOperationException($"grid plant {missing} gave no snapshot of tick {tick}; the checkpoint cannot be written");
            return plantSnapshots.Select(s => s!).ToArray();
        }
    }
}
