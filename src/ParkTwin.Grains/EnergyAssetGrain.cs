using ParkTwin.Contracts;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>An energy asset's twin: a thin shell over <see cref="AssetTwin"/>; checkpoints as <see cref="EnterpriseGrain"/> does.</summary>
public sealed class EnergyAssetGrain(
    [PersistentState("asset-setup", StateNames.Storage)] IPersistentState<SetupState<AssetSetup>> setup,
    [PersistentState("asset", StateNames.Storage)] IPersistentState<Checkpoints<AssetSnapshot>> checkpoints)
    : Grain, IEnergyAssetGrain
{
    AssetTwin? twin;

    AssetTwin Twin => twin ?? throw new InvalidOperationException($"asset {this.GetPrimaryKeyString()} has not been set up for a run");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (setup.State.Value is { } stored)
        {
            twin = Build(stored);
            if (checkpoints.State.Newest is { } newest) twin.Restore(newest);
        }
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(AssetSetup value)
    {
        if (twin is not null) return;
        twin = Build(value);
        // Kept in memory always; written only when checkpointing, so a plain in-memory run writes nothing.
        setup.State.Value = value;
        if (value.Settings.CheckpointEvery > 0) await setup.WriteStateAsync();
    }

    public async Task<AssetStepReply> StepAsync(TickSpan window, double[] signal)
    {
        var output = Twin.Step(window.Window, signal);
        if (setup.State.Value is { } s && s.Settings.IsCheckpoint(window.Tick) && checkpoints.State.Newest?.Tick != window.Tick)
        {
            checkpoints.State.Push(Twin.Snapshot(), x => x.Tick);
            await checkpoints.WriteStateAsync();
        }
        return AssetStepReply.Of(output);
    }

    public Task RestoreAsync(int tick)
    {
        var stored = setup.State.Value ?? throw new InvalidOperationException($"asset {this.GetPrimaryKeyString()} has no stored setup to restore from");
        var fresh = Build(stored);
        if (tick >= 0) fresh.Restore(checkpoints.State.At(tick, x => x.Tick, $"asset {this.GetPrimaryKeyString()}"));
        twin = fresh;
        return Task.CompletedTask;
    }

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Twin.Ledger.Values, Twin.LastSteppedTick));

    static AssetTwin Build(AssetSetup s) => TwinFactory.Asset(s.Spec, s.Settings);
}
