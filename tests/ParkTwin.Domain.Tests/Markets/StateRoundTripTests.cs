using System.Text.Json;
using System.Text.Json.Serialization;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

/// <summary>
/// The registries' states travel and persist as JSON (the Domain codec of ParkTwinSerialization uses these options):
/// a state read back must be the same registry, still idempotent for the operations it has seen.
/// </summary>
public sealed class StateRoundTripTests
{
    static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    static T RoundTrip<T>(T state)
    {
        var json = JsonSerializer.Serialize(state, Options);
        var back = JsonSerializer.Deserialize<T>(json, Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
        return back;
    }

    [Fact]
    public void Certificate_registry_state_round_trips()
    {
        var r = new CertificateRegistry();
        r.Apply(new OpenAccount("o1", "pv"));
        r.Apply(new OpenAccount("o2", "E1"));
        var issue = new IssueCertificates("i1", "pv", "PV-1", new YearMonth(2024, 1), 100, true);
        r.Apply(issue);
        r.Apply(new TransferCertificates("t1", "pv", "E1", 40, new YearMonth(2024, 2)));
        r.Apply(new RetireCertificates("r1", "E1", 10, "E1", RetirementPurpose.Scope2Claim, new YearMonth(2024, 2)));
        var back = new CertificateRegistry(RoundTrip(r.State));
        Assert.Empty(back.CheckInvariants());
        Assert.Equal(r.Totals(), back.Totals());
        Assert.Equal(OperationStatus.AlreadyApplied, back.Apply(issue).Status);
    }

    [Fact]
    public void Allowance_registry_and_green_power_states_round_trip()
    {
        var r = new AllowanceRegistry();
        r.Apply(new OpenAccount("o1", "A"));
        r.Apply(new DepositCash("d1", "A", 500m));
        r.Apply(new IssueAllowances("a1", "A", 2024, 10));
        r.Apply(new RunAllowanceAuction("x1", new YearMonth(2024, 3), PricingRule.PayAsBid, [new AccountOrder("s", "A", 5, 10)], [new AccountOrder("b", "A", 5, 20)]));
        r.Apply(new ReportEmissions("e1", "A", 2024, 12));
        r.Apply(new CloseCompliance("c1", 2024, new YearMonth(2025, 6)));
        var back = new AllowanceRegistry(RoundTrip(r.State));
        Assert.Empty(back.CheckInvariants());
        Assert.Equal(r.Totals(), back.Totals());
        Assert.Equal(12, back.Compliance("A", 2024)!.Shortfall);

        var g = new GreenPowerMarket();
        g.Apply(new OpenAccount("o1", "W"));
        g.Apply(new OpenAccount("o2", "E"));
        g.Apply(new DepositCash("d1", "E", 1000m));
        g.Apply(new ClearGreenPowerMonth("m1", new YearMonth(2024, 3), PricingRule.PayAsClear, [new AccountOrder("w", "W", 2.5, 100)], [new AccountOrder("e", "E", 2, 200)]));
        var gBack = new GreenPowerMarket(RoundTrip(g.State));
        Assert.Empty(gBack.CheckInvariants());
        // The offer is partly filled (flat supply at 100): price 100.
        Assert.Equal(100m, gBack.Session(new YearMonth(2024, 3))!.Price);
    }
}
