using System.Collections.Concurrent;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Policies;
using ParkTwin.Simulation.Scenarios;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>One scenario year run with the flat kernel and month ticks: what a policy test compares.</summary>
public sealed record PolicyRun(ScenarioYear Year, RunBooks Books, IReadOnlyList<TidyRow> Rows, LocalMarketDesk Desk)
{
    public MonthlyLedger Enterprise(string id) => Books.Enterprises.Single(e => e.Id == id).Ledger;

    public MonthlyLedger Park(string id) => Books.Parks.Single(p => p.Id == id).Ledger;

    public IEnumerable<EnterpriseSpec> Enterprises => Year.Model.Inventory.Enterprises;

    /// <summary>The value of a tidy row (entity, period, metric); throws unless there is exactly one.</summary>
    public double Row(string entity, string period, string metric) =>
        Rows.Single(r => r.Entity == entity && r.Period == period && r.Metric == metric).Value;
}

/// <summary>Builds scenarios in code and runs their years; the provinces (and baselines, by the fixtures) are shared.</summary>
public static class PolicyRuns
{
    public const int Year = 2023;
    static readonly ConcurrentDictionary<(int, double), ProvinceInventory> Inventories = new();

    /// <summary>The province of every test here: seed 42 at scale 0.05 (8 parks, 1000 enterprises, coal boilers in P002, P005, P007).</summary>
    public const int Seed = 42;
    public const double Scale = 0.05;

    static readonly Lazy<Task<PolicyRun>> LazyBaseline = new(() => RunAsync(Scenario()));
    static readonly Lazy<Task<PolicyRun>> LazyMarketBaseline = new(() => RunAsync(Scenario(markets: ShippedMarkets())));

    /// <summary>The province's year without any policy, markets off.</summary>
    public static Task<PolicyRun> Baseline => LazyBaseline.Value;

    /// <summary>The province's year without any policy, with the shipped markets (carbon and green power).</summary>
    public static Task<PolicyRun> MarketBaseline => LazyMarketBaseline.Value;

    public static ProvinceInventory Inventory(int seed, double scale) => Inventories.GetOrAdd((seed, scale), k => ProvinceGenerator.Generate(k.Item1, k.Item2));

    public static DateOnly Day(int month, int day) => new(Year, month, day);

    public static Scenario Scenario(IReadOnlyList<Policy>? policies = null, IReadOnlyList<Shock>? shocks = null, MarketSettings? markets = null) => new()
    {
        File = "policy-test.yaml",
        Name = "policy-test",
        Seed = Seed,
        Scale = Scale,
        Inventory = Inventory(Seed, Scale),
        FromYear = Year,
        ToYear = Year,
        Tick = "month",
        Markets = markets ?? MarketSettings.None,
        Policies = policies ?? [],
        Shocks = shocks ?? [],
        // The policies alone: abatement decisions would change the targets' intensities too (DecisionPolicyTests).
        Decisions = false,
    };

    /// <summary>The shipped markets, merged as a scenario without market keys would have them; <paramref name="change"/> adjusts a copy.</summary>
    public static MarketSettings ShippedMarkets(Action<MarketSettings>? change = null)
    {
        var settings = ScenarioLoader.MergedMarkets(null);
        change?.Invoke(settings);
        return settings;
    }

    public static async Task<PolicyRun> RunAsync(Scenario scenario, ScenarioState? state = null, int simulated = Year)
    {
        var year = ScenarioYear.Prepare(scenario, simulated, state ?? new ScenarioState());
        var desk = new LocalMarketDesk();
        var stage = year.Stage(desk);
        var books = await SimulationLoop.RunAsync(new FlatEngine(year.Model), TickLength.Month, markets: stage);
        var rows = year.Rows(stage is null ? null : await stage.RowsAsync(books), books);
        await year.FinishAsync(books, stage);
        return new PolicyRun(year, books, rows, desk);
    }

    /// <summary>Asserts two ledgers hold the same numbers, bit for bit, in the months given (all by default).</summary>
    public static void Identical(MonthlyLedger expected, MonthlyLedger actual, string what, IEnumerable<int>? months = null)
    {
        foreach (var m in months ?? Enumerable.Range(0, 12))
            for (var k = 0; k < Metric.Count; k++)
                if (expected[m, k].CompareTo(actual[m, k]) != 0)
                    Assert.Fail($"{what}: month {m + 1}, {Metric.Definitions[k].Name}: {expected[m, k]:R} before, {actual[m, k]:R} after");
    }

    /// <summary>What an enterprise does itself: output, demand, fuel and Scope 1. How its demand is supplied (on-site, park
    /// pool, grid) also depends on its park's other members: a park's shared supply is split in proportion to demand.</summary>
    static readonly int[] OwnMetrics = [Metric.Output, Metric.OutputValue, Metric.ElectricityDemand, Metric.HeatDemand, Metric.EnergyTce,
        Metric.Scope1Combustion, Metric.Scope1Process, .. Enumerable.Range(Metric.FuelByCarrier, 6)];

    /// <summary>
    /// An enterprise the policy does not touch: its own metrics are identical bit for bit; where no member of its park
    /// is touched either (<paramref name="parkTouched"/> false), its whole ledger is.
    /// </summary>
    public static void Untouched(MonthlyLedger expected, MonthlyLedger actual, string what, bool parkTouched)
    {
        if (!parkTouched)
        {
            Identical(expected, actual, what);
            return;
        }
        for (var m = 0; m < 12; m++)
            foreach (var k in OwnMetrics)
                if (expected[m, k].CompareTo(actual[m, k]) != 0)
                    Assert.Fail($"{what}: month {m + 1}, {Metric.Definitions[k].Name}: {expected[m, k]:R} before, {actual[m, k]:R} after");
    }

    /// <summary>
    /// A month's output after its quota is <paramref name="factor"/> × the baseline's: every hour's output is scaled,
    /// then rounded to the quantum (2^-16), so the month is within 2^-16 an hour (and 1e-9 relative) of the exact product.
    /// </summary>
    public static void Scaled(double factor, double before, double after, int hours, string what)
    {
        var tolerance = hours * Math.Pow(2, -16) + 1e-9 * Math.Abs(before);
        Assert.True(Math.Abs(factor * before - after) <= tolerance, $"{what}: expected {factor:R} × {before:R} = {factor * before:R}, got {after:R}");
    }

    public static int HoursOf(int month) => DateTime.DaysInMonth(Year, month + 1) * 24;

    /// <summary>|expected − actual| ≤ relative × |expected| (or ≤ relative when expected is 0).</summary>
    public static void Close(double expected, double actual, double relative, string what)
    {
        var tolerance = relative * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }
}
