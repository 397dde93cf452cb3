using ParkTwin.Domain.Markets;

namespace ParkTwin.Contracts;

// The market grains, keyed by world (like the province grain). Every mutating call takes a Domain operation that
// carries its operation id: a retry with the same id and content answers AlreadyApplied and changes nothing, so
// callers may resend after a timeout or a silo failure. Operations and results are Domain records (JSON codec).

/// <summary>Green certificate registry of a world (<see cref="CertificateRegistry"/>), persisted as "certificates".</summary>
[Alias("parktwin.certificates")]
public interface ICertificateRegistryGrain : IGrainWithStringKey
{
    [Alias("open")] Task<OperationResult> OpenAccountAsync(OpenAccount operation);
    [Alias("issue")] Task<OperationResult> IssueAsync(IssueCertificates operation);
    [Alias("transfer")] Task<OperationResult> TransferAsync(TransferCertificates operation);
    [Alias("retire")] Task<OperationResult> RetireAsync(RetireCertificates operation);
    [Alias("expire")] Task<OperationResult> ExpireAsync(ExpireCertificates operation);
    /// <summary>Applies a batch in order and persists once; one result per operation.</summary>
    [Alias("batch")] Task<OperationResult[]> ApplyBatchAsync(CertificateBatch batch);
    [Alias("usable")] Task<long> GetUsableAsync(string account, YearMonth month);
    [Alias("retired-for")] Task<long> GetRetiredForAsync(string beneficiary, RetirementPurpose purpose, int year);
    [Alias("totals")] Task<CertificateTotals> GetTotalsAsync();
    /// <summary>The registry's invariant violations; empty when all hold.</summary>
    [Alias("check")] Task<string[]> CheckInvariantsAsync();
    /// <summary>Test and operations hook: deactivate when idle (the next call reloads the persisted state).</summary>
    [Alias("deactivate")] Task DeactivateAsync();
}

/// <summary>Carbon market of a world: allowance registry, compliance, call-auction and continuous sessions, stability reserve (<see cref="AllowanceRegistry"/>), persisted as "allowances".</summary>
[Alias("parktwin.carbon")]
public interface ICarbonMarketGrain : IGrainWithStringKey
{
    [Alias("open")] Task<OperationResult> OpenAccountAsync(OpenAccount operation);
    [Alias("deposit")] Task<OperationResult> DepositAsync(DepositCash operation);
    [Alias("issue")] Task<OperationResult> IssueAsync(IssueAllowances operation);
    [Alias("issue-offsets")] Task<OperationResult> IssueOffsetsAsync(IssueOffsetCredits operation);
    [Alias("transfer")] Task<OperationResult> TransferAsync(TransferAllowances operation);
    [Alias("cancel")] Task<OperationResult> CancelAsync(CancelAllowances operation);
    [Alias("report")] Task<OperationResult> ReportAsync(ReportEmissions operation);
    [Alias("surrender")] Task<OperationResult> SurrenderAsync(SurrenderAllowances operation);
    [Alias("surrender-offsets")] Task<OperationResult> SurrenderOffsetsAsync(SurrenderOffsets operation);
    [Alias("close")] Task<OperationResult> CloseComplianceAsync(CloseCompliance operation);
    [Alias("auction")] Task<OperationResult> RunAuctionAsync(RunAllowanceAuction operation);
    /// <summary>Applies a batch in order and persists once; one result per operation.</summary>
    [Alias("batch")] Task<OperationResult[]> ApplyBatchAsync(AllowanceBatch batch);
    [Alias("continuous")] Task<OperationResult> RunContinuousAsync(RunContinuousAllowanceSession operation);
    [Alias("msr")] Task<OperationResult> RunStabilityReserveAsync(RunStabilityReserve operation);
    [Alias("account")] Task<AllowanceAccount?> GetAccountAsync(string account);
    [Alias("compliance")] Task<ComplianceRecord?> GetComplianceAsync(string account, int year);
    [Alias("sessions")] Task<SessionResult[]> GetSessionsAsync();
    [Alias("reserve-decisions")] Task<ReserveDecision[]> GetReserveDecisionsAsync();
    [Alias("totals")] Task<AllowanceTotals> GetTotalsAsync();
    [Alias("check")] Task<string[]> CheckInvariantsAsync();
    [Alias("deactivate")] Task DeactivateAsync();
}

/// <summary>Monthly green-power call auction of a world (<see cref="GreenPowerMarket"/>), persisted as "greenpower".</summary>
[Alias("parktwin.greenpower")]
public interface IGreenPowerMarketGrain : IGrainWithStringKey
{
    [Alias("open")] Task<OperationResult> OpenAccountAsync(OpenAccount operation);
    [Alias("deposit")] Task<OperationResult> DepositAsync(DepositCash operation);
    [Alias("clear")] Task<OperationResult> ClearMonthAsync(ClearGreenPowerMonth operation);
    /// <summary>Applies a batch in order and persists once; one result per operation.</summary>
    [Alias("batch")] Task<OperationResult[]> ApplyBatchAsync(GreenPowerBatch batch);
    [Alias("session")] Task<SessionResult?> GetSessionAsync(YearMonth month);
    [Alias("account")] Task<GreenPowerAccount?> GetAccountAsync(string account);
    [Alias("totals")] Task<GreenPowerTotals> GetTotalsAsync();
    [Alias("check")] Task<string[]> CheckInvariantsAsync();
    [Alias("deactivate")] Task DeactivateAsync();
}
