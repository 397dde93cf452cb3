using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>
/// A park's twin: sets up its enterprises and assets, then runs <see cref="ParkStepper"/> with grain calls as
/// its members. Calls only go down (to enterprises and assets), never back up. The park stores for its members:
/// its setup holds theirs, and after a checkpoint tick, whose answers carry their snapshots, it writes one row with
/// its own snapshot and all of theirs. On a roll-back it hands each member its setup and snapshot.
/// </summary>
public sealed class ParkGrain(
    [PersistentState("park-setup", StateNames.Storage)] IPersistentState<SetupState<ParkSetup>> setup,
    [PersistentState("park-checkpoints", StateNames.Storage)] IPersistentState<Checkpoints<ParkCheckpoint>> checkpoints)
    : Grain, IParkGrain
{
    ParkStepper? stepper;
    YearCalendar? calendar;
    Members? members;

    ParkStepper Stepper => stepper ?? throw new InvalidOperationException($"park {this.GetPrimaryKeyString()} has not been set up for a run");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (setup.State.Value is { } stored)
        {
            Build(stored);
            if (checkpoints.State.Newest is { } newest) stepper!.Restore(newest.Park.ToDomain());
        }
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(ParkSetup value)
    {
        if (stepper is not null) return;
        Build(value);
        var fanOut = value.Settings.FanOut;
        await FanOut.RunAsync(Enumerable.Range(0, members!.Enterprises.Length).ToArray(), fanOut, async e =>
        {
            await members.Enterprises[e].InitializeAsync(EnterpriseSetupOf(value, e));
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, members.Assets.Length).ToArray(), fanOut, async a =>
        {
            await members.Assets[a].InitializeAsync(AssetSetupOf(value, a));
            return true;
        });
        setup.State.Value = value;
        if (value.Settings.CheckpointEvery > 0) await setup.WriteStateAsync();
    }

    public async Task AwardGreenPowerAsync(int month, Dictionary<string, double> enterpriseShares)
    {
        var ids = Stepper.Layout.Enterprises;
        await FanOut.RunAsync(Enumerable.Range(0, ids.Length).ToArray(), setup.State.Value!.Settings.FanOut, async e =>
        {
            await members!.Enterprises[e].AwardGreenPowerAsync(month, enterpriseShares.GetValueOrDefault(ids[e].Id));
            return true;
        });
    }

    public async Task<double[]> StepAsync(TickSpan window, TickSpan? next, double[] greenPool, Dictionary<string, double[]> bilateral)
    {
        var row = await Stepper.StepAsync(window.Window, next?.Window, calendar!.MonthOf(window.StartHour), greenPool, bilateral);
        if (setup.State.Value!.Settings.IsCheckpoint(window.Tick) && checkpoints.State.Newest?.Tick != window.Tick)
        {
            checkpoints.State.Push(new ParkCheckpoint(ParkState.Of(Stepper.Snapshot()),
                members!.TakeEnterpriseSnapshots(window.Tick, this.GetPrimaryKeyString()),
                members.TakeAssetSnapshots(window.Tick, this.GetPrimaryKeyString())), x => x.Tick);
            await checkpoints.WriteStateAsync();
        }
        return row;
    }

    public async Task RestoreAsync(int tick)
    {
        var stored = setup.State.Value ?? throw new InvalidOperationException($"park {this.GetPrimaryKeyString()} has no stored setup to restore from");
        var checkpoint = tick >= 0 ? checkpoints.State.At(tick, x => x.Tick, $"park {this.GetPrimaryKeyString()}") : null;
        if (checkpoint is not null && (checkpoint.Enterprises.Length != stored.Enterprises.Length || checkpoint.Assets.Length != stored.Assets.Length))
            throw new InvalidOperationException($"park {this.GetPrimaryKeyString()}: its checkpoint after tick {tick} holds {checkpoint.Enterprises.Length} enterprises and {checkpoint.Assets.Length} assets, its setup {stored.Enterprises.Length} and {stored.Assets.Length}");
        Build(stored);
        var fanOut = stored.Settings.FanOut;
        await FanOut.RunAsync(Enumerable.Range(0, members!.Enterprises.Length).ToArray(), fanOut, async e =>
        {
            await members.Enterprises[e].RestoreAsync(EnterpriseSetupOf(stored, e), checkpoint?.Enterprises[e]);
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, members.Assets.Length).ToArray(), fanOut, async a =>
        {
            await members.Assets[a].RestoreAsync(AssetSetupOf(stored, a), checkpoint?.Assets[a]);
            return true;
        });
        if (checkpoint is not null) stepper!.Restore(checkpoint.Park.ToDomain());
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Stepper.Ledger.Values, Stepper.LastTick));

    public async Task RetireAsync()
    {
        if (members is not null)
        {
            var fanOut = setup.State.Value?.Settings.FanOut ?? 64;
            await FanOut.RunAsync(Enumerable.Range(0, members.Enterprises.Length).ToArray(), fanOut, async e => { await members.Enterprises[e].RetireAsync(); return 0; });
            await FanOut.RunAsync(Enumerable.Range(0, members.Assets.Length).ToArray(), fanOut, async a => { await members.Assets[a].RetireAsync(); return 0; });
        }
        DeactivateOnIdle();
    }

    public Task<string[]> GetEnterpriseIdsAsync() => Task.FromResult(Stepper.Layout.Enterprises.Select(e => e.Id).ToArray());

    EnterpriseSetup EnterpriseSetupOf(ParkSetup value, int e)
    {
        var spec = Stepper.Layout.Enterprises[e];
        return new EnterpriseSetup(spec, value.Industries[spec.Industry], value.Settings);
    }

    AssetSetup AssetSetupOf(ParkSetup value, int a) => new(Stepper.Layout.Assets[a].Spec, value.Settings);

    void Build(ParkSetup value)
    {
        var world = TwinKey.Parse(this.GetPrimaryKeyString()).World;
        var layout = new ParkLayout(value.Park, value.Enterprises, value.Assets);
        members = new Members(
            layout.Enterprises.Select(e => GrainFactory.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, e.Id))).ToArray(),
            layout.Assets.Select(a => GrainFactory.GetGrain<IEnergyAssetGrain>(TwinKey.Of(world, a.Spec.Id))).ToArray());
        calendar = TwinFactory.Calendar(value.Settings.Year);
        stepper = new ParkStepper(layout, value.Settings.Factors, members, value.Settings.FanOut);
    }

    /// <summary>The members as grain calls; keeps the snapshots that come back with a checkpoint tick's answers.</summary>
    sealed class Members(IEnterpriseGrain[] enterprises, IEnergyAssetGrain[] assets) : IParkMembers
    {
        readonly EnterpriseState?[] enterpriseSnapshots = new EnterpriseState?[enterprises.Length];
        readonly AssetState?[] assetSnapshots = new AssetState?[assets.Length];

        public IEnterpriseGrain[] Enterprises => enterprises;
        public IEnergyAssetGrain[] Assets => assets;

        public async ValueTask<EnterprisePlan> PlanAsync(int enterprise, TickWindow window) =>
            (await enterprises[enterprise].PlanAsync(TickSpan.Of(window))).ToDomain();

        public async ValueTask<AssetOutput> StepAssetAsync(int asset, TickWindow window, double[] signal)
        {
            var reply = await assets[asset].StepAsync(TickSpan.Of(window), signal);
            if (reply.Snapshot is not null) assetSnapshots[asset] = reply.Snapshot;
            return reply.ToDomain();
        }

        public async ValueTask<EnterpriseResult> SettleAsync(int enterprise, TickWindow window, EnterpriseSupply supply, TickWindow? next)
        {
            var reply = await enterprises[enterprise].SettleAsync(
                new SettleRequest(TickSpan.Of(window), supply.Onsite, supply.ParkElectricity, supply.ParkHeat, TickSpan.Of(next), supply.GreenPool ?? [], supply.GreenBilateral ?? []));
            if (reply.Snapshot is not null) enterpriseSnapshots[enterprise] = reply.Snapshot;
            return new EnterpriseResult(reply.Row, reply.Next?.ToDomain());
        }

        /// <summary>Every enterprise's snapshot of <paramref name="tick"/>; kept until the checkpoint is written, so a retried write finds them again.</summary>
        public EnterpriseState[] TakeEnterpriseSnapshots(int tick, string park) => Collected(enterpriseSnapshots, s => s.Tick, tick, park, "enterprise");

        public AssetState[] TakeAssetSnapshots(int tick, string park) => Collected(assetSnapshots, s => s.Tick, tick, park, "asset");

        static T[] Collected<T>(T?[] snapshots, Func<T, int> tickOf, int tick, string park, string what) where T : class
        {
            var missing = Array.FindIndex(snapshots, s => s is null || tickOf(s) != tick);
            if (missing >= 0)
                throw new InvalidOperationException($"park {park}: {what} {missing} gave no snapshot of tick {tick} (it has {(snapshots[missing] is { } s ? tickOf(s).ToString() : "none")}); the checkpoint cannot be written");
            return snapshots.Select(s => s!).ToArray();
        }
    }
}
