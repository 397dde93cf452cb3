using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;

namespace ParkTwin.Twins.Tests.Grains;

/// <summary>Each grain answers about itself, and a grain that was never set up refuses to step.</summary>
public sealed class GrainQueryTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    const int Days = 3;

    [Fact]
    public async Task A_parks_books_hold_the_sum_of_its_enterprises_books()
    {
        var model = TestProvince.Model();
        var world = TestProvince.World("sums");
        var engine = new GrainEngine(cluster.Grains, model, world);
        await engine.SetupAsync();
        await TestProvince.StepDaysAsync(engine, 0, Days);

        foreach (var layout in model.Parks)
        {
            var park = cluster.Grains.GetGrain<IParkGrain>(TwinKey.Of(world, layout.Park.Id));
            var ids = await park.GetEnterpriseIdsAsync();
            Assert.Equal(layout.Enterprises.Select(e => e.Id), ids);
            var parkLedger = await park.GetLedgerAsync();
            Assert.Equal(Days - 1, parkLedger.LastTick);
            var ledgers = await Task.WhenAll(ids.Select(id => cluster.Grains.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, id)).GetLedgerAsync()));
            Assert.All(ledgers, l => Assert.Equal(Days - 1, l.LastTick));

            // Enterprise metrics the park does not add to itself: its books are the sum of its enterprises'.
            foreach (var metric in new[] { Metric.ElectricityDemand, Metric.ElectricityGrid, Metric.HeatDemand, Metric.Output, Metric.OutputValue, Metric.Scope2Market })
            {
                var month = ledgers.Sum(l => l.ToLedger()[0, metric]);
                AssertClose(month, parkLedger.ToLedger()[0, metric], $"{layout.Park.Id} {Metric.Definitions[metric].Name}");
            }
            Assert.True(parkLedger.ToLedger()[0, Metric.ElectricityDemand] > 0, $"{layout.Park.Id} booked no demand");
            for (var m = 1; m < 12; m++) Assert.Equal(0, parkLedger.ToLedger()[m, Metric.ElectricityDemand]);
        }

        // The province's park total is the sum of the parks.
        var totals = await cluster.Grains.GetGrain<IProvinceGrain>(world).GetLedgersAsync();
        var parks = await Task.WhenAll(model.Parks.Select(p => cluster.Grains.GetGrain<IParkGrain>(TwinKey.Of(world, p.Park.Id)).GetLedgerAsync()));
        AssertClose(parks.Sum(p => p.ToLedger()[0, Metric.ElectricityDemand]), totals[0].ToLedger()[0, Metric.ElectricityDemand], "province electricity_demand");
    }

    [Fact]
    public async Task An_enterprise_reports_the_24_hours_of_the_last_day_it_settled()
    {
        var model = TestProvince.Model();
        var world = TestProvince.World("hours");
        var engine = new GrainEngine(cluster.Grains, model, world);
        await engine.SetupAsync();
        await TestProvince.StepDaysAsync(engine, 0, 1);

        var id = model.Parks[0].Enterprises[0].Id;
        var enterprise = cluster.Grains.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, id));
        var hours = await enterprise.GetCurrentHoursAsync();
        Assert.Equal(0, hours.Window.Tick);
        Assert.Equal(24, hours.Window.Hours);
        Assert.Equal(24, hours.Scope1.Length);
        Assert.Equal(24, hours.Scope2Market.Length);
        Assert.Equal(24, hours.GridElectricity.Length);

        // After one tick, the books hold exactly that day: the hours add up to the month's entry.
        var ledger = (await enterprise.GetLedgerAsync()).ToLedger();
        AssertClose(hours.GridElectricity.Sum(), ledger[0, Metric.ElectricityGrid], $"{id} electricity_grid");
        AssertClose(hours.Scope2Market.Sum(), ledger[0, Metric.Scope2Market], $"{id} scope2_market");
        AssertClose(hours.Scope1.Sum(), ledger[0, Metric.Scope1Combustion] + ledger[0, Metric.Scope1Process], $"{id} scope1");

        await TestProvince.StepDaysAsync(engine, 1, 2);
        var next = await enterprise.GetCurrentHoursAsync();
        Assert.Equal(1, next.Window.Tick);
        Assert.Equal(24, next.GridElectricity.Length);
    }

    public enum Kind { Province, Park, Enterprise, Asset }

    [Theory]
    [InlineData(Kind.Province)]
    [InlineData(Kind.Park)]
    [InlineData(Kind.Enterprise)]
    [InlineData(Kind.Asset)]
    public async Task A_grain_that_was_never_set_up_rejects_a_step(Kind kind)
    {
        var world = TestProvince.World("never");
        var window = TickSpan.Of(TestProvince.Days[0]);
        Func<Task> step = kind switch
        {
            Kind.Province => () => cluster.Grains.GetGrain<IProvinceGrain>(world).StepAsync(window, null),
            Kind.Park => () => cluster.Grains.GetGrain<IParkGrain>(TwinKey.Of(world, "P001")).StepAsync(window, null, [], []),
            Kind.Enterprise => () => cluster.Grains.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, "E00001"))
                .SettleAsync(new SettleRequest(window, [], [], [], null, [], [])),
            _ => () => cluster.Grains.GetGrain<IEnergyAssetGrain>(TwinKey.Of(world, "A00001")).StepAsync(window, []),
        };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(step);
        Assert.Contains("has not been set up", e.Message);
    }

    [Fact]
    public async Task A_grain_that_was_never_set_up_has_no_books_to_show()
    {
        var world = TestProvince.World("never-ledger");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grains.GetGrain<IProvinceGrain>(world).GetLedgersAsync());
        Assert.Contains("has not been set up", e.Message);
        e = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grains.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, "E00001")).GetLedgerAsync());
        Assert.Contains("has not been set up", e.Message);
    }

    static void AssertClose(double expected, double actual, string what)
    {
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
