using ParkTwin.Contracts;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Grains.Markets;

/// <summary>Thin shell over <see cref="GreenPowerMarket"/>: applies operations and persists the state after each applied one.</summary>
public sealed class GreenPowerMarketGrain(
    [PersistentState(MarketStorage.GreenPower, MarketStorage.Provider)] IPersistentState<GreenPowerMarketState> state)
    : Grain, IGreenPowerMarketGrain
{
    GreenPowerMarket Market => new(state.State);

    Task<OperationResult> Apply(Func<GreenPowerMarket, OperationResult> apply) =>
        MarketStorage.PersistAsync(this, apply(Market), state.WriteStateAsync);

    public Task<OperationResult> OpenAccountAsync(OpenAccount operation) => Apply(m => m.Apply(operation));
    public Task<OperationResult> DepositAsync(DepositCash operation) => Apply(m => m.Apply(operation));
    public Task<OperationResult> ClearMonthAsync(ClearGreenPowerMonth operation) => Apply(m => m.Apply(operation));
    public Task<OperationResult[]> ApplyBatchAsync(GreenPowerBatch batch) => MarketStorage.PersistAsync(this, batch.ApplyTo(Market), state.WriteStateAsync);

    public Task<SessionResult?> GetSessionAsync(YearMonth month) => Task.FromResult(Market.Session(month));
    public Task<GreenPowerAccount?> GetAccountAsync(string account) => Task.FromResult(Market.Account(account));
    public Task<GreenPowerTotals> GetTotalsAsync() => Task.FromResult(Market.Totals());
    public Task<string[]> CheckInvariantsAsync() => Task.FromResult(Market.CheckInvariants().ToArray());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
