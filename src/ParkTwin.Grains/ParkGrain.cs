using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>
/// A park's twin: sets up its enterprises and assets, then runs <see cref="ParkStepper"/> with grain calls as
/// its members. Calls only go down (to enterprises and assets), never back up. At a checkpoint tick its members
/// have written their snapshots before answering; the park writes its own after them.
/// </summary>
public sealed class ParkGrain(
    [PersistentState("park-setup", StateNames.Storage)] IPersistentState<SetupState<ParkSetup>> setup,
    [PersistentState("park", StateNames.Storage)] IPersistentState<Checkpoints<ParkSnapshot>> checkpoints)
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
            if (checkpoints.State.Newest is { } newest) stepper!.Restore(newest);
        }
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(ParkSetup value)
    {
        if (stepper is not null) return;
        Build(value);
        var layout = Stepper.Layout;
        var fanOut = value.Settings.FanOut;
        await FanOut.RunAsync(Enumerable.Range(0, members!.Enterprises.Length).ToArray(), fanOut, async e =>
        {
            await members.Enterprises[e].InitializeAsync(new EnterpriseSetup(layout.Enterprises[e], value.Industries[layout.Enterprises[e].Industry], value.Settings));
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, members.Assets.Length).ToArray(), fanOut, async a =>
        {
            await members.Assets[a].InitializeAsync(new AssetSetup(layout.Assets[a].Spec, value.Settings));
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
            checkpoints.State.Push(Stepper.Snapshot(), x => x.Tick);
            await checkpoints.WriteStateAsync();
        }
        return row;
    }

    public async Task RestoreAsync(int tick)
    {
        var stored = setup.State.Value ?? throw new InvalidOperationException($"park {this.GetPrimaryKeyString()} has no stored setup to restore from");
        var fanOut = stored.Settings.FanOut;
        await FanOut.RunAsync(Enumerable.Range(0, members!.Enterprises.Length).ToArray(), fanOut, async e =>
        {
            await members.Enterprises[e].RestoreAsync(tick);
            return true;
        });
        await FanOut.RunAsync(Enumerable.Range(0, members.Assets.Length).ToArray(), fanOut, async a =>
        {
            await members.Assets[a].RestoreAsync(tick);
            return true;
        });
        Build(stored);
        if (tick >= 0) stepper!.Restore(checkpoints.State.At(tick, x => x.Tick, $"park {this.GetPrimaryKeyString()}"));
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Stepper.Ledger.Values, Stepper.LastTick));

    public Task<string[]> GetEnterpriseIdsAsync() => Task.FromResult(Stepper.Layout.Enterprises.Select(e => e.Id).ToArray());

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

    sealed class Members(IEnterpriseGrain[] enterprises, IEnergyAssetGrain[] assets) : IParkMembers
    {
        public IEnterpriseGrain[] Enterprises => enterprises;
        public IEnergyAssetGrain[] Assets => assets;

        public async ValueTask<EnterprisePlan> PlanAsync(int enterprise, TickWindow window) =>
            (await enterprises[enterprise].PlanAsync(TickSpan.Of(window))).ToDomain();

        public async ValueTask<AssetOutput> StepAssetAsync(int asset, TickWindow window, double[] signal) =>
            (await assets[asset].StepAsync(TickSpan.Of(window), signal)).ToDomain();

        public async ValueTask<EnterpriseResult> SettleAsync(int enterprise, TickWindow window, EnterpriseSupply supply, TickWindow? next)
        {
            var reply = await enterprises[enterprise].SettleAsync(
                new SettleRequest(TickSpan.Of(window), supply.Onsite, supply.ParkElectricity, supply.ParkHeat, TickSpan.Of(next), supply.GreenPool ?? [], supply.GreenBilateral ?? []));
            return new EnterpriseResult(reply.Row, reply.Next?.ToDomain());
        }
    }
}
