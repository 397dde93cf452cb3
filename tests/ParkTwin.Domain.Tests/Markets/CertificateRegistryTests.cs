using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

public sealed class CertificateRegistryTests
{
    static readonly YearMonth Jan23 = new(2023, 1);

    static CertificateRegistry WithAccounts(params string[] accounts)
    {
        var r = new CertificateRegistry();
        foreach (var a in accounts) Assert.Equal(OperationStatus.Applied, r.Apply(new OpenAccount($"open-{a}", a)).Status);
        return r;
    }

    static void Ok(OperationResult result) => Assert.True(result.Status == OperationStatus.Applied, result.ToString());

    static void Refused(OperationResult result, string reasonPart)
    {
        Assert.Equal(OperationStatus.Rejected, result.Status);
        Assert.Contains(reasonPart, result.Reason);
    }

    [Fact]
    public void A_tradable_certificate_is_sold_once_then_only_retired()
    {
        var r = WithAccounts("pv", "E1", "E2");
        Ok(r.Apply(new IssueCertificates("i1", "pv", "PV-1", Jan23, 100, Tradable: true)));
        Ok(r.Apply(new TransferCertificates("t1", "pv", "E1", 60, Jan23)));
        Assert.Equal(40, r.Usable("pv", Jan23));
        Assert.Equal(60, r.Usable("E1", Jan23));
        // E1 bought them: it may not sell them on.
        Refused(r.Apply(new TransferCertificates("t2", "E1", "E2", 1, Jan23)), "0 usable tradable, never-transferred");
        Ok(r.Apply(new RetireCertificates("r1", "E1", 60, "E1", RetirementPurpose.Scope2Claim, Jan23)));
        Assert.Equal(60, r.RetiredFor("E1", RetirementPurpose.Scope2Claim, 2023));
        Assert.Equal(new CertificateTotals(100, 40, 60, 0), r.Totals());
        // Lots: serials 1-60 sold and retired, 61-100 still with the generator.
        Assert.Equal([(1L, 60L, CertificateState.Retired), (61L, 40L, CertificateState.Held)], r.Lots.Select(l => (l.FirstSerial, l.Quantity, l.State)));
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void A_certificate_behind_a_claim_cannot_back_an_offset()
    {
        var r = WithAccounts("pv", "E1");
        Ok(r.Apply(new IssueCertificates("i1", "pv", "PV-1", Jan23, 10, true)));
        Ok(r.Apply(new RetireCertificates("r1", "pv", 10, "E1", RetirementPurpose.Scope2Claim, Jan23)));
        Refused(r.Apply(new RetireCertificates("r2", "pv", 1, "E1", RetirementPurpose.Offset, Jan23)), "holds 0 usable");
        Assert.Equal(0, r.RetiredFor("E1", RetirementPurpose.Offset, 2023));
    }

    [Fact]
    public void Existing_hydro_certificates_back_only_their_owners_claims()
    {
        Assert.Equal(CertificateEligibility.NonTradable, CertificateRules.Eligibility(AssetKind.HydroReservoir, existingConventionalHydro: true));
        Assert.Equal(CertificateEligibility.Tradable, CertificateRules.Eligibility(AssetKind.Wind));
        Assert.Equal(CertificateEligibility.NotEligible, CertificateRules.Eligibility(AssetKind.CoalPower));
        var r = WithAccounts("hydro", "E1");
        Ok(r.Apply(new IssueCertificates("i1", "hydro", "HY-1", Jan23, 50, Tradable: false)));
        Refused(r.Apply(new TransferCertificates("t1", "hydro", "E1", 1, Jan23)), "tradable");
        Refused(r.Apply(new RetireCertificates("r1", "hydro", 1, "E1", RetirementPurpose.Scope2Claim, Jan23)), "tradable");
        Refused(r.Apply(new RetireCertificates("r2", "hydro", 1, "hydro", RetirementPurpose.Offset, Jan23)), "tradable");
        Ok(r.Apply(new RetireCertificates("r3", "hydro", 50, "hydro", RetirementPurpose.Scope2Claim, Jan23)));
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void Certificates_expire_two_years_after_their_vintage()
    {
        var r = WithAccounts("pv");
        Ok(r.Apply(new IssueCertificates("i1", "pv", "PV-1", new YearMonth(2023, 3), 10, true)));
        Assert.Equal(10, r.Usable("pv", new YearMonth(2025, 2)));
        Assert.Equal(0, r.Usable("pv", new YearMonth(2025, 3)));
        Refused(r.Apply(new RetireCertificates("r1", "pv", 1, "pv", RetirementPurpose.Scope2Claim, new YearMonth(2025, 3))), "holds 0 usable");
        Ok(r.Apply(new ExpireCertificates("x1", new YearMonth(2025, 2))));
        Assert.Equal(0, r.Totals().Expired);
        Ok(r.Apply(new ExpireCertificates("x2", new YearMonth(2025, 3))));
        Assert.Equal(new CertificateTotals(10, 0, 0, 10), r.Totals());
        Assert.Empty(r.CheckInvariants());
    }

    [Fact]
    public void Oldest_vintage_goes_first()
    {
        var r = WithAccounts("pv", "E1");
        Ok(r.Apply(new IssueCertificates("i1", "pv", "PV-1", new YearMonth(2023, 5), 10, true)));
        Ok(r.Apply(new IssueCertificates("i2", "pv", "PV-1", new YearMonth(2023, 4), 10, true)));
        Ok(r.Apply(new TransferCertificates("t1", "pv", "E1", 15, new YearMonth(2023, 6))));
        // April (serials 11-20) first, then the first 5 of May.
        Assert.Equal([(1L, 5L, "E1"), (6L, 5L, "pv"), (11L, 10L, "E1")], r.Lots.Select(l => (l.FirstSerial, l.Quantity, l.Holder)));
    }

    [Fact]
    public void The_same_operation_twice_changes_nothing_and_a_reused_id_is_refused()
    {
        var r = WithAccounts("pv", "E1");
        var issue = new IssueCertificates("i1", "pv", "PV-1", Jan23, 10, true);
        Ok(r.Apply(issue));
        Assert.Equal(OperationStatus.AlreadyApplied, r.Apply(issue).Status);
        Assert.Equal(OperationStatus.AlreadyApplied, r.Apply(issue with { }).Status);
        Refused(r.Apply(issue with { Quantity = 11 }), "already used");
        Assert.Equal(10, r.Totals().Issued);
        Assert.Single(r.Entries);
    }

    [Theory]
    [InlineData(-1, "quantity must be positive")]
    [InlineData(0, "quantity must be positive")]
    public void Bad_operations_are_refused_with_a_reason(long quantity, string reason)
    {
        var r = WithAccounts("pv");
        Refused(r.Apply(new IssueCertificates("i1", "pv", "PV-1", Jan23, quantity, true)), reason);
        Refused(r.Apply(new IssueCertificates("i2", "nobody", "PV-1", Jan23, 1, true)), "unknown account 'nobody'");
        Refused(r.Apply(new IssueCertificates("i3", "pv", "PV-1", new YearMonth(2023, 13), 1, true)), "valid month");
        Refused(r.Apply(new IssueCertificates("", "pv", "PV-1", Jan23, 1, true)), "operation id");
        Assert.Equal(0, r.Totals().Issued);
    }
}
