using ParkTwin.Contracts;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Grains.Markets;

/// <summary>Thin shell over <see cref="CertificateRegistry"/>: applies operations and persists the state after each applied one.</summary>
public sealed class CertificateRegistryGrain(
    [PersistentState(MarketStorage.Certificates, MarketStorage.Provider)] IPersistentState<CertificateRegistryState> state)
    : Grain, ICertificateRegistryGrain
{
    CertificateRegistry Registry => new(state.State);

    Task<OperationResult> Apply(Func<CertificateRegistry, OperationResult> apply) =>
        MarketStorage.PersistAsync(this, apply(Registry), state.WriteStateAsync);

    public Task<OperationResult> OpenAccountAsync(OpenAccount operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> IssueAsync(IssueCertificates operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> TransferAsync(TransferCertificates operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> RetireAsync(RetireCertificates operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult> ExpireAsync(ExpireCertificates operation) => Apply(r => r.Apply(operation));
    public Task<OperationResult[]> ApplyBatchAsync(CertificateBatch batch) => MarketStorage.PersistAsync(this, batch.ApplyTo(Registry), state.WriteStateAsync);

    public Task<long> GetUsableAsync(string account, YearMonth month) => Task.FromResult(Registry.Usable(account, month));
    public Task<long> GetRetiredForAsync(string beneficiary, RetirementPurpose purpose, int year) => Task.FromResult(Registry.RetiredFor(beneficiary, purpose, year));
    public Task<CertificateTotals> GetTotalsAsync() => Task.FromResult(Registry.Totals());
    public Task<string[]> CheckInvariantsAsync() => Task.FromResult(Registry.CheckInvariants().ToArray());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
