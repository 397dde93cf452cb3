using ParkTwin.Domain.Markets;

namespace ParkTwin.Simulation.Markets;

/// <summary>The market registries as Domain objects in this process: the flat kernel's markets.</summary>
public sealed class LocalMarketDesk : IMarketDesk
{
    readonly GreenPowerMarket green = new();
    readonly CertificateRegistry certificates = new();
    readonly AllowanceRegistry allowances = new();

    public Task GreenAsync(object operation)
    {
        if (operation is GreenPowerBatch batch)
        {
            Outcome.Require(batch.ApplyTo(green), batch);
            return Task.CompletedTask;
        }
        Outcome.Require(operation switch
        {
            OpenAccount o => green.Apply(o),
            DepositCash o => green.Apply(o),
            ClearGreenPowerMonth o => green.Apply(o),
            _ => throw new ArgumentException($"not a green-power operation: {operation.GetType().Name}"),
        }, operation);
        return Task.CompletedTask;
    }

    public Task<SessionResult?> GreenSessionAsync(YearMonth month) => Task.FromResult(green.Session(month));

    public Task<GreenPowerTotals> GreenTotalsAsync() => Task.FromResult(green.Totals());

    public Task CertificatesAsync(object operation)
    {
        if (operation is CertificateBatch batch)
        {
            Outcome.Require(batch.ApplyTo(certificates), batch);
            return Task.CompletedTask;
        }
        Outcome.Require(operation switch
        {
            OpenAccount o => certificates.Apply(o),
            IssueCertificates o => certificates.Apply(o),
            TransferCertificates o => certificates.Apply(o),
            RetireCertificates o => certificates.Apply(o),
            ExpireCertificates o => certificates.Apply(o),
            _ => throw new ArgumentException($"not a certificate operation: {operation.GetType().Name}"),
        }, operation);
        return Task.CompletedTask;
    }

    public Task<CertificateTotals> CertificateTotalsAsync() => Task.FromResult(certificates.Totals());

    public Task CarbonAsync(object operation)
    {
        if (operation is AllowanceBatch batch)
        {
            Outcome.Require(batch.ApplyTo(allowances), batch);
            return Task.CompletedTask;
        }
        Outcome.Require(operation switch
        {
            OpenAccount o => allowances.Apply(o),
            DepositCash o => allowances.Apply(o),
            IssueAllowances o => allowances.Apply(o),
            CancelAllowances o => allowances.Apply(o),
            ReportEmissions o => allowances.Apply(o),
            SurrenderAllowances o => allowances.Apply(o),
            CloseCompliance o => allowances.Apply(o),
            RunAllowanceAuction o => allowances.Apply(o),
            RunContinuousAllowanceSession o => allowances.Apply(o),
            RunStabilityReserve o => allowances.Apply(o),
            IssueOffsetCredits o => allowances.Apply(o),
            SurrenderOffsets o => allowances.Apply(o),
            _ => throw new ArgumentException($"not a carbon-market operation: {operation.GetType().Name}"),
        }, operation);
        return Task.CompletedTask;
    }

    public Task<AllowanceAccount?> CarbonAccountAsync(string account) => Task.FromResult(allowances.Account(account));

    public Task<ComplianceRecord?> ComplianceAsync(string account, int year) => Task.FromResult(allowances.Compliance(account, year));

    public Task<SessionResult[]> CarbonSessionsAsync() => Task.FromResult(allowances.State.Sessions.ToArray());

    public Task<ReserveDecision[]> CarbonReserveDecisionsAsync() => Task.FromResult(allowances.State.ReserveDecisions.ToArray());

    public Task<AllowanceTotals> AllowanceTotalsAsync() => Task.FromResult(allowances.Totals());

    public Task<string[]> CheckInvariantsAsync() =>
        Task.FromResult(green.CheckInvariants().Concat(certificates.CheckInvariants()).Concat(allowances.CheckInvariants()).ToArray());
}
