using ParkTwin.Domain.Decisions;
using ParkTwin.Simulation.Policies;
using ParkTwin.Simulation.Scenarios;
using Xunit;

namespace ParkTwin.Twins.Tests.Policies;

/// <summary>
/// The economic and information tools act through the enterprises' NPV rule (docs/decisions.md): each makes
/// more options pass, never fewer, and a subsidy is paid as its share of the capex of what is adopted under it.
/// Only the 1 January decisions are prepared; nothing needs to run.
/// </summary>
public sealed class DecisionPolicyTests
{
    static IReadOnlyList<Adoption> Adopted(params Policy[] policies)
    {
        var state = new ScenarioState();
        ScenarioYear.Prepare(PolicyRuns.Scenario(policies, markets: PolicyRuns.ShippedMarkets()) with { Decisions = true }, PolicyRuns.Year, state);
        return state.Adoptions.Values.SelectMany(a => a).ToList();
    }

    static readonly Lazy<IReadOnlyList<Adoption>> Baseline = new(() => Adopted());

    static DateOnly Jan1 => PolicyRuns.Day(1, 1);

    [Fact]
    public void A_capex_subsidy_adds_adoptions_of_its_technology_and_pays_its_share_of_their_capex()
    {
        var subsidised = Adopted(new CapexSubsidy { Kind = "capex-subsidy", From = Jan1, Technology = AbatementOptionIds.Ccus, Share = 0.9 },
            new CapexSubsidy { Kind = "capex-subsidy", From = Jan1, Technology = AbatementOptionIds.ProcessChange, Share = 0.6 });
        int Count(IEnumerable<Adoption> a, string option) => a.Count(x => x.Option == option);
        Assert.True(Count(subsidised, AbatementOptionIds.ProcessChange) + Count(subsidised, AbatementOptionIds.Ccus)
            > Count(Baseline.Value, AbatementOptionIds.ProcessChange) + Count(Baseline.Value, AbatementOptionIds.Ccus),
            "a 60-90 % subsidy adopts more process change and CCUS");
        foreach (var a in subsidised.Where(a => a.Option == AbatementOptionIds.ProcessChange))
            Assert.Equal(0.6 * a.Capex, a.Subsidy, 6);
        Assert.All(Baseline.Value, a => Assert.Equal(0, a.Subsidy));
    }

    [Fact]
    public void A_carbon_tax_makes_more_scope1_abatement_pass_the_npv_test()
    {
        var taxed = Adopted(new CarbonTax { Kind = "carbon-tax", From = Jan1, Rate = 300 });
        Assert.True(taxed.Sum(a => a.AnnualAbatementTco2) > Baseline.Value.Sum(a => a.AnnualAbatementTco2),
            $"abatement adopted with a 300 CNY/t tax {taxed.Sum(a => a.AnnualAbatementTco2):F0} t, without {Baseline.Value.Sum(a => a.AnnualAbatementTco2):F0} t");
    }

    [Fact]
    public void A_green_loan_and_information_policies_lower_the_discount_rate_so_no_option_is_dropped_and_some_are_added()
    {
        foreach (var policy in new Policy[]
                 {
                     new GreenLoan { Kind = "green-loan", From = Jan1, Rate = 0.02 },
                     new InformationPolicy { Kind = "pilot-title", From = Jan1, HurdleReduction = 0.06 },
                 })
        {
            var eased = Adopted(policy);
            var before = Baseline.Value.Select(a => (a.Enterprise, a.Option)).ToHashSet();
            var after = eased.Select(a => (a.Enterprise, a.Option)).ToHashSet();
            // A lower rate raises every option's NPV: what passed still passes unless the budget went to a better one.
            Assert.True(after.Count > before.Count, $"{policy.Kind}: {after.Count} adoptions, baseline {before.Count}");
        }
    }

    [Fact]
    public void Decisions_are_deterministic()
    {
        var again = Adopted();
        Assert.Equal(Baseline.Value.Select(a => (a.Enterprise, a.Option, a.Capex, a.Npv)), again.Select(a => (a.Enterprise, a.Option, a.Capex, a.Npv)));
    }
}

/// <summary>
/// Adoption diffuses: each year an enterprise reviews its options with the propensity of abatement.yaml (0.2), a
/// pilot-park title adds 0.2. With 1,000 enterprises the count reviewed is binomial: 200 ± 12.6 (one sd), 400 ± 15.5.
/// </summary>
public sealed class AdoptionPropensityTests
{
    static int Reviewed(params Policy[] policies)
    {
        var state = new ScenarioState();
        ScenarioYear.Prepare(PolicyRuns.Scenario(policies, markets: PolicyRuns.ShippedMarkets()) with { Decisions = true }, PolicyRuns.Year, state);
        return (int)state.Rows(PolicyRuns.Year).Where(r => r.Metric == "reviewed").Sum(r => r.Value);
    }

    [Fact]
    public void About_the_base_propensity_of_enterprises_review_their_options_and_a_pilot_title_raises_it()
    {
        Assert.Equal(0.2, Domain.Decisions.AbatementCatalogue.Default.Propensity.Base);
        Assert.Equal(1000, PolicyRuns.Inventory(PolicyRuns.Seed, PolicyRuns.Scale).Enterprises.Count);
        var plain = Reviewed();
        Assert.InRange(plain, 200 - 50, 200 + 50);
        var pilot = Reviewed(new InformationPolicy { Kind = "pilot-title", From = PolicyRuns.Day(1, 1) });
        Assert.InRange(pilot, 400 - 62, 400 + 62);
    }
}
