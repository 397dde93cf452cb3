using ParkTwin.Domain.Decisions;

namespace ParkTwin.Domain.Tests.Decisions;

public sealed class LearningStateTests
{
    static Adoption Ccus(string enterprise) => new(enterprise, AbatementOptionIds.Ccus, 2025, 2027, 0, 0, 0, 0, 0, null);

    [Fact]
    public void The_multiplier_is_one_at_the_installed_base_and_one_minus_the_rate_after_a_doubling()
    {
        // Shipped CCUS: rate 0.12 from 3 plants. Three more: 6 = a doubling -> 0.88; nine more: 12 = two doublings -> 0.7744.
        var catalogue = AbatementCatalogue.Default;
        var start = LearningState.Start(catalogue);
        Assert.Equal(1.0, start.CapexMultiplier(AbatementOptionIds.Ccus));
        var doubled = start.After([Ccus("a"), Ccus("b"), Ccus("c")]);
        Approx.Equal(6, doubled.Cumulative(AbatementOptionIds.Ccus));
        Approx.Equal(0.88, doubled.CapexMultiplier(AbatementOptionIds.Ccus));
        var quadrupled = doubled.After(Enumerable.Range(0, 6).Select(i => Ccus($"d{i}")));
        Approx.Equal(0.7744, quadrupled.CapexMultiplier(AbatementOptionIds.Ccus));
        // The state is immutable: the year's deciders all saw the start.
        Assert.Equal(1.0, start.CapexMultiplier(AbatementOptionIds.Ccus));
        Assert.Equal(1.0, doubled.CapexMultiplier(AbatementOptionIds.GreenPowerContract));
    }

    [Fact]
    public void The_multiplier_does_not_depend_on_the_order_of_a_years_adoptions()
    {
        var start = LearningState.Start(AbatementCatalogue.Default);
        Adoption[] year = [Ccus("a"), new("b", AbatementOptionIds.OnsitePv, 2025, 2025, 4, 0, 0, 0, 0, null), Ccus("c")];
        var forward = start.After(year);
        var backward = start.After(year.Reverse());
        Assert.Equal(forward.CumulativeAdoptions.OrderBy(p => p.Key), backward.CumulativeAdoptions.OrderBy(p => p.Key));
    }

    [Fact]
    public void A_saved_state_is_restored_and_never_below_the_installed_base()
    {
        var catalogue = AbatementCatalogue.Default;
        var restored = LearningState.From(catalogue, new Dictionary<string, double> { [AbatementOptionIds.Ccus] = 12, [AbatementOptionIds.Storage] = 1 });
        Approx.Equal(0.7744, restored.CapexMultiplier(AbatementOptionIds.Ccus));
        Assert.Equal(1.0, restored.CapexMultiplier(AbatementOptionIds.Storage));
        Assert.Throws<InputException>(() => LearningState.From(catalogue, new Dictionary<string, double> { ["hydrogen"] = 1 }));
    }
}
