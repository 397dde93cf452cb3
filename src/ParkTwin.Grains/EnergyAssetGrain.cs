using ParkTwin.Contracts;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Grains;

/// <summary>
/// An energy asset's twin: a thin shell over <see cref="AssetTwin"/>. Like <see cref="EnterpriseGrain"/> it stores
/// nothing itself; its park (the province, for a grid plant) stores its setup and snapshots.
/// </summary>
public sealed class EnergyAssetGrain : Grain, IEnergyAssetGrain
{
    AssetTwin? twin;
    TwinSettings? settings;

    AssetTwin Twin => twin ?? throw new InvalidOperationException($"asset {this.GetPrimaryKeyString()} has not been set up for a run");

    public Task InitializeAsync(AssetSetup value)
    {
        if (twin is not null) return Task.CompletedTask;
        twin = Build(value);
        settings = value.Settings;
        return Task.CompletedTask;
    }

    public Task<AssetStepReply> StepAsync(TickSpan window, double[] signal)
    {
        var output = Twin.Step(window.Window, signal);
        var snapshot = settings!.IsCheckpoint(window.Tick) ? AssetState.Of(Twin.Snapshot()) : null;
        return Task.FromResult(AssetStepReply.Of(output, snapshot));
    }

    public Task RestoreAsync(AssetSetup setup, AssetState? snapshot)
    {
        var fresh = Build(setup);
        if (snapshot is not null) fresh.Restore(snapshot.ToDomain());
        twin = fresh;
        settings = setup.Settings;
        return Task.CompletedTask;
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Twin.Ledger.Values, Twin.LastSteppedTick));

    public Task RetireAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    static AssetTwin Build(AssetSetup s) => TwinFactory.Asset(s.Spec, s.Settings);
}
