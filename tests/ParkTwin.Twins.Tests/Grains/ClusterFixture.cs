using Orleans.Configuration;
using Orleans.TestingHost;
using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Grains;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Twins.Tests.Grains;

/// <summary>One in-process Orleans silo with the ParkTwin grains, shared by the tests of a class (xunit class fixture).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddParkTwin());
        builder.ConfigureClient(client =>
        {
            // The client must read and write the Domain records (setup messages) with the same codec as the silo.
            client.Services.AddParkTwinSerialization();
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>The small province every grain test uses, and helpers to step engines tick by tick.</summary>
static class TestProvince
{
    public const int Year = 2023;

    static readonly Lazy<Domain.Inventory.ProvinceInventory> LazyInventory = new(() => ProvinceGenerator.Generate(seed: 7, scale: 0.02));

    public static Domain.Inventory.ProvinceInventory Inventory => LazyInventory.Value;

    public static ProvinceModel Model(int seed = 7) => RunSetup.Model(Inventory, Year, seed);

    public static IReadOnlyList<TickWindow> Days => TwinFactory.Calendar(Year).Ticks(TickLength.Day);

    /// <summary>A world (run id) no other test uses.</summary>
    public static string World(string name) => $"t-{name}-{Guid.NewGuid():N}";

    /// <summary>Steps ticks [from, to) of the year's day ticks, each with its successor as the next tick.</summary>
    public static async Task StepDaysAsync(IProvinceEngine engine, int from, int to)
    {
        var days = Days;
        for (var i = from; i < to; i++) await engine.StepAsync(days[i], i + 1 < days.Count ? days[i + 1] : null);
    }

    /// <summary>The flat kernel's books after the first <paramref name="ticks"/> day ticks.</summary>
    public static async Task<RunBooks> FlatBooksAsync(ProvinceModel model, int ticks)
    {
        var flat = new FlatEngine(model);
        await flat.SetupAsync();
        await StepDaysAsync(flat, 0, ticks);
        return await flat.BooksAsync();
    }
}

static class Books
{
    /// <summary>Every enterprise, park, province and grid ledger equal, value for value (exact double equality), matched by id.</summary>
    public static void AssertIdentical(RunBooks expected, RunBooks actual)
    {
        Assert.Equal(expected.Enterprises.Select(e => e.Id).Order(StringComparer.Ordinal), actual.Enterprises.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Parks.Select(p => p.Id).Order(StringComparer.Ordinal), actual.Parks.Select(p => p.Id).Order(StringComparer.Ordinal));
        var actualEnterprises = actual.Enterprises.ToDictionary(e => e.Id, e => e.Ledger, StringComparer.Ordinal);
        foreach (var (id, ledger) in expected.Enterprises) AssertLedger($"enterprise {id}", ledger, actualEnterprises[id]);
        var actualParks = actual.Parks.ToDictionary(p => p.Id, p => p.Ledger, StringComparer.Ordinal);
        foreach (var (id, ledger) in expected.Parks) AssertLedger($"park {id}", ledger, actualParks[id]);
        AssertLedger("province (parks)", expected.ProvinceParks, actual.ProvinceParks);
        AssertLedger("grid", expected.Grid, actual.Grid);
    }

    public static void AssertLedger(string what, MonthlyLedger expected, MonthlyLedger actual)
    {
        Assert.Equal(expected.Values.Length, actual.Values.Length);
        for (var i = 0; i < expected.Values.Length; i++)
        {
            // Bit-for-bit: the grains and the flat kernel run the same code in the same order.
            if (BitConverter.DoubleToInt64Bits(expected.Values[i]) != BitConverter.DoubleToInt64Bits(actual.Values[i]))
                Assert.Fail($"{what}: month {i / Metric.Count + 1}, {Metric.Definitions[i % Metric.Count].Name}: " +
                            $"expected {expected.Values[i]:R}, got {actual.Values[i]:R}");
        }
    }

    /// <summary>A deep copy, so later steps cannot change what a test compares against.</summary>
    public static RunBooks Snapshot(RunBooks books) => new(
        books.Enterprises.Select(e => (e.Id, new MonthlyLedger((double[])e.Ledger.Values.Clone()))).ToArray(),
        books.Parks.Select(p => (p.Id, new MonthlyLedger((double[])p.Ledger.Values.Clone()))).ToArray(),
        new MonthlyLedger((double[])books.ProvinceParks.Values.Clone()),
        new MonthlyLedger((double[])books.Grid.Values.Clone()));
}
