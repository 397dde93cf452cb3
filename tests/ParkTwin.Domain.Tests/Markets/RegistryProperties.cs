using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

/// <summary>Re-applies the operation <see cref="Back"/> steps ago (modulo the operations so far): a retry of the same operation id.</summary>
public sealed record Retry(int Back);

/// <summary>A random sequence of operations, valid and invalid, with retries and reused ids.</summary>
public sealed record Scenario(IReadOnlyList<object> Steps)
{
    public override string ToString() => string.Join("\n", Steps);
}

/// <summary>
/// Generators: few accounts (and one never opened), small quantities (so holdings run out), operation ids drawn
/// from a small pool (so ids collide), retries of earlier operations, and bad values (negative, NaN, bad months).
/// </summary>
public static class MarketGenerators
{
    static readonly Gen<string> OpId = Gen.Choose(0, 120).Select(i => $"op{i}");
    static readonly Gen<string> Account = Gen.Elements("A", "B", "C", "Z");
    static readonly Gen<long> Quantity = Gen.Choose(-2, 40).Select(i => (long)i);
    static readonly Gen<YearMonth> Month = Gen.Frequency(
        (30, Gen.Choose(0, 40).Select(i => new YearMonth(2023, 1).AddMonths(i))),
        (1, Gen.Constant(new YearMonth(2024, 13))));
    static readonly Gen<object> Retry = Gen.Choose(1, 1000).Select(i => (object)new Retry(i));

    public static Arbitrary<Scenario> Scenario() => Gen.Frequency(
        (4, from id in OpId from a in Account from v in Month from q in Quantity from t in Gen.Elements(true, true, false)
            select (object)new IssueCertificates(id, a, "asset-" + a, v, q, t)),
        (4, from id in OpId from a in Account from b in Account from q in Quantity from m in Month
            select (object)new TransferCertificates(id, a, b, q, m)),
        (4, from id in OpId from a in Account from b in Account from q in Quantity from p in Gen.Elements(RetirementPurpose.Scope2Claim, RetirementPurpose.Offset) from m in Month
            select (object)new RetireCertificates(id, a, q, b, p, m)),
        (1, from id in OpId from m in Month select (object)new ExpireCertificates(id, m)),
        (1, from id in OpId from a in Account select (object)new OpenAccount(id, a)),
        (3, Retry))
        .ListOf().Select(steps => new Scenario(steps)).ToArbitrary();

    static readonly Gen<double> OrderQuantity = Gen.Frequency((20, Gen.Choose(-1, 30).Select(i => (double)i)), (1, Gen.Constant(double.NaN)));
    static readonly Gen<double> OrderPrice = Gen.Frequency((20, Gen.Choose(-1, 100).Select(i => (double)i)), (1, Gen.Constant(double.PositiveInfinity)));

    static Gen<List<AccountOrder>> Orders(string prefix, Gen<double> quantity) =>
        (from n in Gen.Choose(0, 4) from k in Gen.Choose(0, 5) from a in Account from q in quantity from p in OrderPrice
            select new AccountOrder($"{prefix}{k}", a, q, p)).ListOf().Select(l => l.Take(4).ToList());

    static readonly Gen<int> Year = Gen.Frequency((4, Gen.Constant(2024)), (1, Gen.Constant(2025)));

    /// <summary>No bound, a floor, a ceiling, both, or bad bounds (floor above the ceiling, NaN).</summary>
    static readonly Gen<(double? Floor, double? Ceiling)> Bounds = Gen.Frequency(
        (4, Gen.Constant<(double?, double?)>((null, null))),
        (3, from f in Gen.Choose(0, 40) from c in Gen.Choose(41, 90) from which in Gen.Choose(0, 2)
            select which switch { 0 => ((double?)f, (double?)null), 1 => ((double?)null, (double?)c), _ => ((double?)f, (double?)c) }),
        (1, Gen.Elements<(double?, double?)>((50, 40), (double.NaN, null), (-1, null))));

    static Gen<List<ContinuousOrder>> ContinuousOrders =>
        (from k in Gen.Choose(0, 7) from side in Gen.Elements(OrderSide.Offer, OrderSide.Bid)
            from a in Gen.Frequency((12, Account), (1, Gen.Constant(AllowanceRegistry.Reserve)))
            from q in OrderQuantity from p in OrderPrice
            select new ContinuousOrder($"o{k}", a, side, q, p)).ListOf().Select(l => l.Take(6).ToList());

    public static Arbitrary<AllowanceScenario> AllowanceScenario() => Gen.Frequency(
        (3, from id in OpId from a in Account from m in Gen.Choose(-100, 3000) select (object)new DepositCash(id, a, m)),
        (3, from id in OpId from a in Account from y in Year from q in Quantity select (object)new IssueAllowances(id, a, y, q)),
        (2, from id in OpId from a in Account from q in Quantity select (object)new IssueOffsetCredits(id, a, q)),
        (3, from id in OpId from a in Account from b in Account from q in Quantity from p in Gen.Choose(-1, 60)
            select (object)new TransferAllowances(id, a, b, q, p)),
        (1, from id in OpId from a in Account from q in Quantity select (object)new CancelAllowances(id, a, q)),
        (2, from id in OpId from a in Account from y in Year from e in Gen.Choose(-5, 400) select (object)new ReportEmissions(id, a, y, e)),
        (3, from id in OpId from a in Account from y in Year from q in Quantity select (object)new SurrenderAllowances(id, a, y, q)),
        (3, from id in OpId from a in Account from y in Year from q in Gen.Choose(-1, 12) select (object)new SurrenderOffsets(id, a, y, (long)q)),
        // Deadlines from November of the year (refused: not after it) to the next year's December.
        (1, from id in OpId from y in Year from m in Gen.Choose(-2, 11) select (object)new CloseCompliance(id, y, new YearMonth(y + 1, 1).AddMonths(m))),
        (3, from id in OpId from m in Month from r in Gen.Elements(PricingRule.PayAsClear, PricingRule.PayAsBid)
            from offers in Orders("s", OrderQuantity) from bids in Orders("b", OrderQuantity) from b in Bounds
            select (object)new RunAllowanceAuction(id, m, r, offers, bids, b.Floor, b.Ceiling)),
        (3, from id in OpId from m in Month from orders in ContinuousOrders from b in Bounds
            select (object)new RunContinuousAllowanceSession(id, m, orders, b.Floor, b.Ceiling)),
        (2, from id in OpId from y in Year from q in Gen.Choose(-1, 60) select (object)new IssueAllowances(id, AllowanceRegistry.Auctioneer, y, q)),
        (2, from id in OpId from m in Month from upper in Gen.Choose(-10, 200) from lower in Gen.Choose(-10, 150)
            from share in Gen.Elements(0.0, 0.24, 0.5, 1.0, 1.5, double.NaN) from release in Gen.Choose(-5, 60)
            select (object)new RunStabilityReserve(id, m, upper, lower, share, release)),
        (1, from id in OpId from a in Gen.Frequency((6, Account), (1, Gen.Constant(AllowanceRegistry.Reserve))) select (object)new OpenAccount(id, a)),
        (3, Retry))
        .ListOf().Select(steps => new AllowanceScenario(steps)).ToArbitrary();

    public static Arbitrary<GreenPowerScenario> GreenPowerScenario() => Gen.Frequency(
        (2, from id in OpId from a in Account from m in Gen.Choose(-100, 3000) select (object)new DepositCash(id, a, m)),
        (4, from id in OpId from m in Month from r in Gen.Elements(PricingRule.PayAsClear, PricingRule.PayAsBid)
            from offers in Orders("s", OrderQuantity.Select(q => q / 4)) from bids in Orders("b", OrderQuantity.Select(q => q / 3))
            select (object)new ClearGreenPowerMonth(id, m, r, offers, bids)),
        (1, from id in OpId from a in Account select (object)new OpenAccount(id, a)),
        (2, Retry))
        .ListOf().Select(steps => new GreenPowerScenario(steps)).ToArbitrary();
}

public sealed record AllowanceScenario(IReadOnlyList<object> Steps)
{
    public override string ToString() => string.Join("\n", Steps);
}

public sealed record GreenPowerScenario(IReadOnlyList<object> Steps)
{
    public override string ToString() => string.Join("\n", Steps);
}

/// <summary>
/// The ledger properties over random operation sequences: after every step the invariants hold; a rejected
/// operation or a repeat changes nothing (the state serialises to the same JSON); a retry of an applied
/// operation reports AlreadyApplied; a certificate, once retired, stays retired by the same operation.
/// </summary>
[Properties(Arbitrary = [typeof(MarketGenerators)], MaxTest = 150)]
public sealed class RegistryProperties
{
    static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Runs the steps, resolving retries, and checks the step-wise properties.</summary>
    static void Run(IReadOnlyList<object> steps, object state, Func<object, OperationResult> apply, Func<IReadOnlyList<string>> invariants, Action? extraCheck = null)
    {
        var done = new List<(object Op, OperationResult Result)>();
        foreach (var step in steps)
        {
            var (op, earlier) = step is Retry r && done.Count > 0 ? (done[^(r.Back % done.Count + 1)].Op, done[^(r.Back % done.Count + 1)].Result) : (step, null);
            if (op is Retry) continue;
            var before = JsonSerializer.Serialize(state, state.GetType(), Json);
            var result = apply(op);
            var after = JsonSerializer.Serialize(state, state.GetType(), Json);
            if (result.Status != OperationStatus.Applied)
                Assert.True(before == after, $"{result} changed the state: {op}");
            if (result.Status == OperationStatus.Rejected) Assert.False(string.IsNullOrEmpty(result.Reason));
            if (earlier is { Status: OperationStatus.Applied })
                Assert.True(result.Status == OperationStatus.AlreadyApplied, $"retry of an applied operation gave {result}: {op}");
            var problems = invariants();
            Assert.True(problems.Count == 0, $"after {op} ({result}): {string.Join("; ", problems)}");
            extraCheck?.Invoke();
            done.Add((op, result));
        }
    }

    [Property]
    public void Certificate_registry_invariants_hold(Scenario scenario)
    {
        var registry = new CertificateRegistry();
        foreach (var a in new[] { "A", "B", "C" }) registry.Apply(new OpenAccount("open-" + a, a));
        // serial → the retirement that consumed it: once retired, always retired by the same operation.
        var retiredBy = new Dictionary<long, string>();
        Run(scenario.Steps, registry.State, op => op switch
        {
            IssueCertificates o => registry.Apply(o),
            TransferCertificates o => registry.Apply(o),
            RetireCertificates o => registry.Apply(o),
            ExpireCertificates o => registry.Apply(o),
            OpenAccount o => registry.Apply(o),
            _ => throw new InvalidOperationException(op.ToString()),
        }, registry.CheckInvariants, () =>
        {
            foreach (var (serial, opId) in retiredBy)
            {
                var lot = registry.Lots.Single(l => l.FirstSerial <= serial && serial <= l.LastSerial);
                Assert.True(lot.Retirement?.OperationId == opId, $"certificate {serial} retired by {opId} is now {lot.State} {lot.Retirement}");
            }
            foreach (var lot in registry.Lots.Where(l => l.Retirement is not null))
                for (var s = lot.FirstSerial; s <= lot.LastSerial; s++) retiredBy.TryAdd(s, lot.Retirement!.OperationId);
        });
    }

    [Property]
    public void Allowance_registry_invariants_hold(AllowanceScenario scenario)
    {
        var registry = new AllowanceRegistry();
        foreach (var a in new[] { "A", "B", "C" })
        {
            registry.Apply(new OpenAccount("open-" + a, a));
            registry.Apply(new DepositCash("cash-" + a, a, 2_000m));
            registry.Apply(new IssueAllowances("alloc-" + a, a, 2024, 50));
        }
        Run(scenario.Steps, registry.State, op => op switch
        {
            DepositCash o => registry.Apply(o),
            IssueAllowances o => registry.Apply(o),
            IssueOffsetCredits o => registry.Apply(o),
            TransferAllowances o => registry.Apply(o),
            CancelAllowances o => registry.Apply(o),
            ReportEmissions o => registry.Apply(o),
            SurrenderAllowances o => registry.Apply(o),
            SurrenderOffsets o => registry.Apply(o),
            CloseCompliance o => registry.Apply(o),
            RunAllowanceAuction o => WithinBounds(registry, registry.Apply(o), o.PriceFloor, o.PriceCeiling),
            RunContinuousAllowanceSession o => WithinBounds(registry, registry.Apply(o), o.PriceFloor, o.PriceCeiling),
            RunStabilityReserve o => registry.Apply(o),
            OpenAccount o => registry.Apply(o),
            _ => throw new InvalidOperationException(op.ToString()),
        }, registry.CheckInvariants);
    }

    /// <summary>A session applied with a floor or ceiling traded every fill within them.</summary>
    static OperationResult WithinBounds(AllowanceRegistry registry, OperationResult result, double? floor, double? ceiling)
    {
        if (result.Status != OperationStatus.Applied) return result;
        foreach (var fill in registry.State.Sessions[^1].Fills)
        {
            if (floor is { } f) Assert.True(fill.Price >= (decimal)f, $"{fill} below the floor {f}");
            if (ceiling is { } c) Assert.True(fill.Price <= (decimal)c, $"{fill} above the ceiling {c}");
        }
        return result;
    }

    [Property]
    public void Green_power_market_invariants_hold(GreenPowerScenario scenario)
    {
        var market = new GreenPowerMarket();
        foreach (var a in new[] { "A", "B", "C" })
        {
            market.Apply(new OpenAccount("open-" + a, a));
            market.Apply(new DepositCash("cash-" + a, a, 2_000m));
        }
        Run(scenario.Steps, market.State, op => op switch
        {
            DepositCash o => market.Apply(o),
            ClearGreenPowerMonth o => market.Apply(o),
            OpenAccount o => market.Apply(o),
            _ => throw new InvalidOperationException(op.ToString()),
        }, market.CheckInvariants);
    }
}
