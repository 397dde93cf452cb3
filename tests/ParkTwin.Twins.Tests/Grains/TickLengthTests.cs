using ParkTwin.Domain.Time;
using ParkTwin.Simulation.Driver;

namespace ParkTwin.Twins.Tests.Grains;

/// <summary>The tick length changes how many hours a call carries, never the books (docs/simulation.md, "Books").</summary>
public sealed class TickLengthTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Day_week_and_month_ticks_book_the_same_year_bit_for_bit()
    {
        var model = TestProvince.Model();
        var days = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Day);
        var months = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Month);
        var weeksThroughGrains = await SimulationLoop.RunAsync(new GrainEngine(cluster.Grains, model, TestProvince.World("weeks")), TickLength.Week);

        Books.AssertIdentical(days, months);
        Books.AssertIdentical(days, weeksThroughGrains);
    }
}
