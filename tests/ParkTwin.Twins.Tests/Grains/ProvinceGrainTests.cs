using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Twins.Tests.Grains;

/// <summary>The province stepped through real grains (one in-process silo) against the flat reference kernel.</summary>
public sealed class ProvinceGrainTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_year_through_the_grains_books_exactly_what_the_flat_kernel_books()
    {
        var model = TestProvince.Model();
        var grains = await SimulationLoop.RunAsync(new GrainEngine(cluster.Grains, model, TestProvince.World("year")), TickLength.Day);
        var flat = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Day);

        Assert.Equal(model.EnterpriseCount, grains.Enterprises.Length);
        Assert.Equal(model.Parks.Length, grains.Parks.Length);
        Assert.True(flat.ProvinceParks.YearToDate(Metric.ElectricityDemand) > 0, "the flat kernel booked no electricity demand");
        Assert.True(flat.Grid.YearToDate(Metric.GenerationHydro) > 0, "the flat kernel booked no hydro generation");
        for (var m = 0; m < 12; m++) Assert.True(grains.ProvinceParks[m, Metric.ElectricityDemand] > 0, $"month {m + 1} has no demand");
        Books.AssertIdentical(flat, grains);
    }

    [Fact]
    public async Task Both_engines_list_enterprises_sorted_by_id_even_when_ids_interleave_across_parks()
    {
        var inventory = TestProvince.Inventory;
        var first = inventory.Enterprises[0];
        var last = inventory.Enterprises[^1];
        Assert.NotEqual(first.Park, last.Park);
        var swapped = inventory with
        {
            Enterprises = [first with { Park = last.Park }, .. inventory.Enterprises.Skip(1).SkipLast(1), last with { Park = first.Park }],
        };
        var model = RunSetup.Model(swapped, TestProvince.Year, 7);
        var grains = new GrainEngine(cluster.Grains, model, TestProvince.World("order"));
        await grains.SetupAsync();
        var flat = new FlatEngine(model);
        await flat.SetupAsync();

        var sorted = model.Parks.SelectMany(p => p.Enterprises).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(sorted, (await grains.BooksAsync()).Enterprises.Select(e => e.Id));
        Assert.Equal(sorted, (await flat.BooksAsync()).Enterprises.Select(e => e.Id));
    }

    [Fact]
    public async Task Stepping_the_same_tick_twice_returns_the_same_reply_and_books_nothing_more()
    {
        var model = TestProvince.Model();
        var world = TestProvince.World("twice");
        var engine = new GrainEngine(cluster.Grains, model, world);
        await engine.SetupAsync();
        var province = cluster.Grains.GetGrain<IProvinceGrain>(world);
        var days = TestProvince.Days;

        var first = await province.StepAsync(TickSpan.Of(days[0]), TickSpan.Of(days[1]));
        var booked = Books.Snapshot(await engine.BooksAsync());
        var again = await province.StepAsync(TickSpan.Of(days[0]), TickSpan.Of(days[1]));
        var after = await engine.BooksAsync();

        Assert.True(first.Parks[Metric.ElectricityDemand] > 0);
        Assert.Equal(first.Parks, again.Parks);
        Assert.Equal(first.Grid, again.Grid);
        Books.AssertIdentical(booked, after);
        Books.AssertIdentical(await TestProvince.FlatBooksAsync(model, 1), after);
    }

    [Fact]
    public async Task A_tick_that_comes_after_a_later_one_is_rejected_and_books_nothing()
    {
        var model = TestProvince.Model();
        var world = TestProvince.World("late");
        var engine = new GrainEngine(cluster.Grains, model, world);
        await engine.SetupAsync();
        await TestProvince.StepDaysAsync(engine, 0, 2);
        var booked = Books.Snapshot(await engine.BooksAsync());

        var days = TestProvince.Days;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.StepAsync(days[0], days[1]));
        Assert.Contains("too late", e.Message);
        Books.AssertIdentical(booked, await engine.BooksAsync());
    }

    [Fact]
    public async Task A_second_setup_with_the_same_setup_keeps_the_books()
    {
        var model = TestProvince.Model();
        var engine = new GrainEngine(cluster.Grains, model, TestProvince.World("setup-twice"));
        await engine.SetupAsync();
        await TestProvince.StepDaysAsync(engine, 0, 2);
        var booked = Books.Snapshot(await engine.BooksAsync());

        await engine.SetupAsync();
        Books.AssertIdentical(booked, await engine.BooksAsync());

        // ...and the run carries on from where it was, as if the setup had never been repeated.
        await TestProvince.StepDaysAsync(engine, 2, 3);
        Books.AssertIdentical(await TestProvince.FlatBooksAsync(model, 3), await engine.BooksAsync());
    }

    [Fact]
    public async Task Two_worlds_in_one_cluster_keep_independent_books()
    {
        // Same enterprise, park and asset ids, different run ids (and different seeds): the keys differ, so the books must too.
        var modelA = TestProvince.Model(seed: 7);
        var modelB = TestProvince.Model(seed: 8);
        var a = new GrainEngine(cluster.Grains, modelA, TestProvince.World("world-a"));
        var b = new GrainEngine(cluster.Grains, modelB, TestProvince.World("world-b"));
        await a.SetupAsync();
        await b.SetupAsync();

        // Interleaved: A runs ahead by two days; B's ticks 0 and 1 come after A's.
        await TestProvince.StepDaysAsync(a, 0, 3);
        await TestProvince.StepDaysAsync(b, 0, 1);
        await TestProvince.StepDaysAsync(a, 3, 4);
        await TestProvince.StepDaysAsync(b, 1, 2);

        var booksA = await a.BooksAsync();
        var booksB = await b.BooksAsync();
        Books.AssertIdentical(await TestProvince.FlatBooksAsync(modelA, 4), booksA);
        Books.AssertIdentical(await TestProvince.FlatBooksAsync(modelB, 2), booksB);
        Assert.NotEqual(booksA.ProvinceParks[0, Metric.ElectricityDemand], booksB.ProvinceParks[0, Metric.ElectricityDemand]);
    }
}
