using ParkTwin.Contracts;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Grains.Markets;

/// <summary>Thin shell over <see cref="AllowanceRegistry"/> (rules from ets.yaml): applies operations and persists the state after each applied one.</summary>
public sealed class CarbonMarketGrain(
    [PersistentState(MarketStorage.Allowances, MarketStorage.Provider)] IPersistentState<AllowanceRegistryState> state)
    : Grain, ICarbonMarketGrain
{
    AllowanceRegistry Registry => new(state.State);

    Task<OperationResult> Apply(Func<AllowanceRegistry, OperationResult> apply) =>
        MarketStorage.PersistAsync(this, apply(Registry), state.WriteStateAsync);

    public Task<OperationResult> OpenAccountAsync(OpenAccount operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> DepositAsync(DepositCash operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> IssueAsync(IssueAllowances operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> IssueOffsetsAsync(IssueOffsetCredits operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> TransferAsync(TransferAllowances operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> CancelAsync(CancelAllowances operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> ReportAsync(ReportEmissions operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> SurrenderAsync(SurrenderAllowances operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> SurrenderOffsetsAsync(SurrenderOffsets operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> CloseComplianceAsync(CloseCompliance operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> RunAuctionAsync(RunAllowanceAuction operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult[]> ApplyBatchAsync(AllowanceBatch batch) => MarketStorage.PersistAsync(this, batch.ApplyTo(Registry), state.WriteStateAsync);
    public Task<OperationResult> RunContinuousAsync(RunContinuousAllowanceSession operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> RunStabilityReserveAsync(RunStabilityReserve operation) => Apply(r => r.Apply(operation));

    public Task<AllowanceAccount?> GetAccountAsync(string account) => Task.FromResult(Registry.Account(account));
    public Task<ComplianceRecord?> GetComplianceAsync(string account, int year) => Task.FromResult(Registry.Compliance(account, year));
    public Task<SessionResult[]> GetSessionsAsync() => Task.FromResult(state.State.Sessions.ToArray());
    public Task<ReserveDecision[]> GetReserveDecisionsAsync() => Task.FromResult(state.State.ReserveDecisions.ToArray());
    public Task<AllowanceTotals> GetTotalsAsync() => Task.FromResult(Registry.Totals());
    public Task<string[]> CheckInvariantsAsync() => Task.FromResult(Registry.CheckInvariants().ToArray());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
