using ParkTwin.Contracts;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>
/// An enterprise's twin: a thin shell over <see cref="EnterpriseTwin"/>, which keeps its books. With checkpointing
/// on it keeps its setup and its last two snapshots in storage, and writes a snapshot after every checkpoint tick
/// before answering, so the park knows it is durable.
/// </summary>
public sealed class EnterpriseGrain(
    [PersistentState("enterprise-setup", StateNames.Storage)] IPersistentState<SetupState<EnterpriseSetup>> setup,
    [PersistentState("enterprise", StateNames.Storage)] IPersistentState<Checkpoints<EnterpriseSnapshot>> checkpoints)
    : Grain, IEnterpriseGrain
{
    EnterpriseTwin? twin;

    EnterpriseTwin Twin => twin ?? throw new InvalidOperationException($"enterprise {this.GetPrimaryKeyString()} has not been set up for a run");

    /// <summary>A grain reactivated after a crash rebuilds its twin from storage; the driver then rolls it back as needed.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (setup.State.Value is { } stored)
        {
            twin = Build(stored);
            if (checkpoints.State.Newest is { } newest) twin.Restore(newest);
        }
        return Task.CompletedTask;
    }

    /// <summary>Setting up twice keeps the first setup and its books: a retried setup call changes nothing.</summary>
    public async Task InitializeAsync(EnterpriseSetup value)
    {
        if (twin is not null) return;
        twin = Build(value);
        // Kept in memory always; written only when checkpointing, so a plain in-memory run writes nothing.
        setup.State.Value = value;
        if (value.Settings.CheckpointEvery > 0) await setup.WriteStateAsync();
    }

    public Task<DemandPlan> PlanAsync(TickSpan window) => Task.FromResult(DemandPlan.Of(Twin.PlanFor(window.Window)));

    public async Task<SettleReply> SettleAsync(SettleRequest request)
    {
        var result = Twin.Step(request.Window.Window,
            new EnterpriseSupply(request.Onsite, request.ParkElectricity, request.ParkHeat, request.GreenPool, request.GreenBilateral), request.Next?.Window);
        if (setup.State.Value is { } s && s.Settings.IsCheckpoint(request.Window.Tick) && checkpoints.State.Newest?.Tick != request.Window.Tick)
        {
            checkpoints.State.Push(Twin.Snapshot(), x => x.Tick);
            await checkpoints.WriteStateAsync();
        }
        return new SettleReply(result.Row, result.Next is { } n ? DemandPlan.Of(n) : null);
    }

    public Task RestoreAsync(int tick)
    {
        var stored = setup.State.Value ?? throw new InvalidOperationException($"enterprise {this.GetPrimaryKeyString()} has no stored setup to restore from");
        var fresh = Build(stored);
        if (tick >= 0) fresh.Restore(checkpoints.State.At(tick, x => x.Tick, $"enterprise {this.GetPrimaryKeyString()}"));
        twin = fresh;
        return Task.CompletedTask;
    }

    public Task AwardGreenPowerAsync(int month, double share)
    {
        Twin.AwardGreenPower(month, share);
        return Task.CompletedTask;
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Twin.Ledger.Values, Twin.LastSettledTick));

    public Task<HourlyView> GetCurrentHoursAsync()
    {
        var h = Twin.LastTickHourly;
        return Task.FromResult(new HourlyView(new TickSpan(Twin.LastSettledTick, 0, h.Scope1.Length), h.Scope1, h.Scope2Market, h.GridElectricity));
    }

    static EnterpriseTwin Build(EnterpriseSetup s) => TwinFactory.Enterprise(s.Spec, s.Industry, s.Settings);
}
