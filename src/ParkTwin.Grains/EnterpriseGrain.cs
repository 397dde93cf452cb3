using ParkTwin.Contracts;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Grains;

/// <summary>
/// An enterprise's twin: a thin shell over <see cref="EnterpriseTwin"/>, which keeps its books. It stores nothing
/// itself: after a checkpoint tick it answers its park with its snapshot as well, and the park stores its setup and
/// its snapshots and hands both back on a roll-back (<see cref="RestoreAsync"/>).
/// </summary>
public sealed class EnterpriseGrain : Grain, IEnterpriseGrain
{
    EnterpriseTwin? twin;
    TwinSettings? settings;

    EnterpriseTwin Twin => twin ?? throw new InvalidOperationException($"enterprise {this.GetPrimaryKeyString()} has not been set up for a run");

    /// <summary>Setting up twice keeps the first setup and its books: a retried setup call changes nothing.</summary>
    public Task InitializeAsync(EnterpriseSetup value)
    {
        if (twin is not null) return Task.CompletedTask;
        twin = Build(value);
        settings = value.Settings;
        return Task.CompletedTask;
    }

    public Task<DemandPlan> PlanAsync(TickSpan window) => Task.FromResult(DemandPlan.Of(Twin.PlanFor(window.Window)));

    public Task<SettleReply> SettleAsync(SettleRequest request)
    {
        var result = Twin.Step(request.Window.Window,
            new EnterpriseSupply(request.Onsite, request.ParkElectricity, request.ParkHeat, request.GreenPool, request.GreenBilateral), request.Next?.Window);
        var snapshot = settings!.IsCheckpoint(request.Window.Tick) ? EnterpriseState.Of(Twin.Snapshot()) : null;
        return Task.FromResult(new SettleReply(result.Row, result.Next is { } n ? DemandPlan.Of(n) : null, snapshot));
    }

    public Task RestoreAsync(EnterpriseSetup setup, EnterpriseState? snapshot)
    {
        var fresh = Build(setup);
        if (snapshot is not null) fresh.Restore(snapshot.ToDomain());
        twin = fresh;
        settings = setup.Settings;
        return Task.CompletedTask;
    }

    public Task AwardGreenPowerAsync(int month, double share)
    {
        Twin.AwardGreenPower(month, share);
        return Task.CompletedTask;
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Twin.Ledger.Values, Twin.LastSettledTick));

    public Task RetireAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<HourlyView> GetCurrentHoursAsync()
    {
        var h = Twin.LastTickHourly;
        return Task.FromResult(new HourlyView(new TickSpan(Twin.LastSettledTick, 0, h.Scope1.Length), h.Scope1, h.Scope2Market, h.GridElectricity));
    }

    static EnterpriseTwin Build(EnterpriseSetup s) => TwinFactory.Enterprise(s.Spec, s.Industry, s.Settings);
}
