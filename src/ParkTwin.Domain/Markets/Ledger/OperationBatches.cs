namespace ParkTwin.Domain.Markets;

// Batches of a registry's operations, applied in the order of their lists and, in the grains, persisted with one
// write: the market stage settles a month (hundreds of certificate moves) or a compliance year in one call. Each
// operation keeps its own id, so a retried batch changes nothing that was applied before.

public sealed record CertificateBatch(
    IReadOnlyList<OpenAccount> Opens,
    IReadOnlyList<IssueCertificates> Issues,
    IReadOnlyList<TransferCertificates> Transfers,
    IReadOnlyList<RetireCertificates> Retirements)
{
    public OperationResult[] ApplyTo(CertificateRegistry registry) =>
    [
        .. Opens.Select(registry.Apply), .. Issues.Select(registry.Apply),
        .. Transfers.Select(registry.Apply), .. Retirements.Select(registry.Apply),
    ];
}

public sealed record AllowanceBatch(
    IReadOnlyList<OpenAccount> Opens,
    IReadOnlyList<DepositCash> Deposits,
    IReadOnlyList<IssueAllowances> Issues,
    IReadOnlyList<ReportEmissions> Reports,
    IReadOnlyList<SurrenderAllowances> Surrenders)
{
    public OperationResult[] ApplyTo(AllowanceRegistry registry) =>
    [
        .. Opens.Select(registry.Apply), .. Deposits.Select(registry.Apply), .. Issues.Select(registry.Apply),
        .. Reports.Select(registry.Apply), .. Surrenders.Select(registry.Apply),
    ];
}

public sealed record GreenPowerBatch(IReadOnlyList<OpenAccount> Opens, IReadOnlyList<DepositCash> Deposits)
{
    public OperationResult[] ApplyTo(GreenPowerMarket market) => [.. Opens.Select(market.Apply), .. Deposits.Select(market.Apply)];
}
