namespace ParkTwin.Domain.Markets;

// Operations on the certificate registry. Each carries its operation id (applied at most once) and the month it
// takes effect in: the registry has no clock of its own, so a replay gives the same books.

/// <summary>
/// One certificate per whole MWh of eligible generation of <paramref name="SourceAsset"/> in <paramref name="Vintage"/>.
/// Callers issue whole MWh and carry fractions to the next issue.
/// </summary>
public sealed record IssueCertificates(string OperationId, string Account, string SourceAsset, YearMonth Vintage, long Quantity, bool Tradable);

/// <summary>Sells tradable, never-transferred, unexpired certificates, oldest vintage first, then lowest serial.</summary>
public sealed record TransferCertificates(string OperationId, string From, string To, long Quantity, YearMonth AsOf);

/// <summary>
/// Retires the holder's unexpired certificates, oldest first, for <paramref name="Beneficiary"/>. Non-tradable
/// certificates qualify only for the holder's own Scope 2 claims.
/// </summary>
public sealed record RetireCertificates(string OperationId, string Holder, long Quantity, string Beneficiary, RetirementPurpose Purpose, YearMonth AsOf);

/// <summary>Marks every held certificate whose validity ended before <paramref name="AsOf"/> as expired.</summary>
public sealed record ExpireCertificates(string OperationId, YearMonth AsOf);

/// <summary>Issued = held + retired + expired, in certificates (MWh).</summary>
public sealed record CertificateTotals(long Issued, long Held, long Retired, long Expired);
