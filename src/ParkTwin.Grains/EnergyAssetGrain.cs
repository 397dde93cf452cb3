using ParkTwin.Contracts;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Grains;

/// <summary>An energy asset's twin: a thin shell over <see cref="AssetTwin"/>.</summary>
public sealed class EnergyAssetGrain : Grain, IEnergyAssetGrain
{
    AssetTwin? twin;

    AssetTwin Twin => twin ?? throw new InvalidOperationException($"asset {this.GetPrimaryKeyString()} has not been set up for a run");

    public Task InitializeAsync(AssetSetup setup)
    {
        twin ??= TwinFactory.Asset(setup.Spec, setup.Settings);
        return Task.CompletedTask;
    }

    public Task<AssetStepReply> StepAsync(TickSpan window, double[] signal) =>
        Task.FromResult(AssetStepReply.Of(Twin.Step(window.Window, signal)));

    public Task<LedgerView> GetLedgerAsync() => Task.FromResult(new LedgerView(Twin.Ledger.Values, Twin.LastSteppedTick));
}
