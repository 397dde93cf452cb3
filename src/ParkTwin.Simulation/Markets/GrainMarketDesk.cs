using ParkTwin.Contracts;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Simulation.Markets;

/// <summary>The market grains of one world: the twins' markets.</summary>
public sealed class GrainMarketDesk(IGrainFactory grains, string world) : IMarketDesk
{
    readonly IGreenPowerMarketGrain green = grains.GetGrain<IGreenPowerMarketGrain>(world);
    readonly ICertificateRegistryGrain certificates = grains.GetGrain<ICertificateRegistryGrain>(world);
    readonly ICarbonMarketGrain carbon = grains.GetGrain<ICarbonMarketGrain>(world);

    public async Task GreenAsync(object operation)
    {
        if (operation is GreenPowerBatch batch) Outcome.Require(await green.ApplyBatchAsync(batch), batch);
        else Outcome.Require(await GreenOne(operation), operation);
    }

    async Task<OperationResult> GreenOne(object operation) => operation switch
    {
        OpenAccount o => await green.OpenAccountAsync(o),
        DepositCash o => await green.DepositAsync(o),
        ClearGreenPowerMonth o => await green.ClearMonthAsync(o),
        _ => throw new ArgumentException($"not a green-power operation: {operation.GetType().Name}"),
    };

    public Task<SessionResult?> GreenSessionAsync(YearMonth month) => green.GetSessionAsync(month);

    public Task<GreenPowerTotals> GreenTotalsAsync() => green.GetTotalsAsync();

    public async Task CertificatesAsync(object operation)
    {
        if (operation is CertificateBatch batch) Outcome.Require(await certificates.ApplyBatchAsync(batch), batch);
        else Outcome.Require(await CertificateOne(operation), operation);
    }

    async Task<OperationResult> CertificateOne(object operation) => operation switch
    {
        OpenAccount o => await certificates.OpenAccountAsync(o),
        IssueCertificates o => await certificates.IssueAsync(o),
        TransferCertificates o => await certificates.TransferAsync(o),
        RetireCertificates o => await certificates.RetireAsync(o),
        ExpireCertificates o => await certificates.ExpireAsync(o),
        _ => throw new ArgumentException($"not a certificate operation: {operation.GetType().Name}"),
    };

    public Task<CertificateTotals> CertificateTotalsAsync() => certificates.GetTotalsAsync();

    public async Task CarbonAsync(object operation)
    {
        if (operation is AllowanceBatch batch) Outcome.Require(await carbon.ApplyBatchAsync(batch), batch);
        else Outcome.Require(await CarbonOne(operation), operation);
    }

    async Task<OperationResult> CarbonOne(object operation) => operation switch
    {
        OpenAccount o => await carbon.OpenAccountAsync(o),
        DepositCash o => await carbon.DepositAsync(o),
        IssueAllowances o => await carbon.IssueAsync(o),
        CancelAllowances o => await carbon.CancelAsync(o),
        ReportEmissions o => await carbon.ReportAsync(o),
        SurrenderAllowances o => await carbon.SurrenderAsync(o),
        CloseCompliance o => await carbon.CloseComplianceAsync(o),
        RunAllowanceAuction o => await carbon.RunAuctionAsync(o),
        RunContinuousAllowanceSession o => await carbon.RunContinuousAsync(o),
        RunStabilityReserve o => await carbon.RunStabilityReserveAsync(o),
        IssueOffsetCredits o => await carbon.IssueOffsetsAsync(o),
        SurrenderOffsets o => await carbon.SurrenderOffsetsAsync(o),
        _ => throw new ArgumentException($"not a carbon-market operation: {operation.GetType().Name}"),
    };

    public Task<AllowanceAccount?> CarbonAccountAsync(string account) => carbon.GetAccountAsync(account);

    public Task<ComplianceRecord?> ComplianceAsync(string account, int year) => carbon.GetComplianceAsync(account, year);

    public Task<SessionResult[]> CarbonSessionsAsync() => carbon.GetSessionsAsync();

    public Task<ReserveDecision[]> CarbonReserveDecisionsAsync() => carbon.GetReserveDecisionsAsync();

    public Task<AllowanceTotals> AllowanceTotalsAsync() => carbon.GetTotalsAsync();

    public async Task<string[]> CheckInvariantsAsync() =>
        [.. await green.CheckInvariantsAsync(), .. await certificates.CheckInvariantsAsync(), .. await carbon.CheckInvariantsAsync()];
}
