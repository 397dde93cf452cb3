namespace ParkTwin.Domain.Markets;

public enum CertificateState { Held, Retired, Expired }

/// <summary>Why certificates were retired. One retirement, one purpose: a certificate behind a claim can never back an offset, and the reverse.</summary>
public enum RetirementPurpose
{
    /// <summary>Backs a market-based Scope 2 claim of the beneficiary.</summary>
    Scope2Claim,
    /// <summary>Backs an offset.</summary>
    Offset,
}

public sealed record Retirement(string Beneficiary, RetirementPurpose Purpose, YearMonth Month, string OperationId);

/// <summary>
/// A run of identical certificates with consecutive serials [<see cref="FirstSerial"/>, <see cref="LastSerial"/>]:
/// same source, vintage, tradability, holder and history. Operations split lots, so every per-certificate rule holds
/// for each serial exactly.
/// </summary>
public sealed record CertificateLot(
    long FirstSerial,
    long Quantity,
    string SourceAsset,
    YearMonth Vintage,
    bool Tradable,
    string Owner,
    string Holder,
    bool Transferred,
    CertificateState State,
    Retirement? Retirement)
{
    public long LastSerial => FirstSerial + Quantity - 1;

    /// <summary>The first month in which the certificates can no longer be used: two years after the vintage.</summary>
    public YearMonth ExpiresIn => Vintage.AddMonths(CertificateRegistry.ValidityMonths);

    public bool UsableIn(YearMonth month) => State == CertificateState.Held && month >= Vintage && month < ExpiresIn;
}

/// <summary>Whether and how a generator's output earns certificates (DOMAIN.md §4).</summary>
public enum CertificateEligibility { NotEligible, Tradable, NonTradable }

public static class CertificateRules
{
    /// <summary>
    /// PV, wind and new hydro earn tradable certificates; existing conventional hydro earns non-tradable ones (usable for
    /// its owner's own claims); fossil plants, boilers and storage earn none (storage only shifts certified energy).
    /// </summary>
    public static CertificateEligibility Eligibility(Inventory.AssetKind kind, bool existingConventionalHydro = false) => kind switch
    {
        Inventory.AssetKind.Pv or Inventory.AssetKind.Wind => CertificateEligibility.Tradable,
        Inventory.AssetKind.HydroRunOfRiver or Inventory.AssetKind.HydroReservoir =>
            existingConventionalHydro ? CertificateEligibility.NonTradable : CertificateEligibility.Tradable,
        _ => CertificateEligibility.NotEligible,
    };
}
