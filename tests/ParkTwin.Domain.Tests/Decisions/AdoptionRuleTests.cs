using ParkTwin.Domain.Decisions;
using static ParkTwin.Domain.Tests.Decisions.TestCatalogue;

namespace ParkTwin.Domain.Tests.Decisions;

public sealed class AdoptionRuleTests
{
    const int Year = 2025;

    // Efficiency retrofit at 10 CNY per tce/yr on 100 tce -> capex 1000; cuts 10 % of 100 tce of fuel at 30 CNY/tce -> 300 CNY/yr.
    static string Retrofit(double cnyPerTce = 10, double fuelCut = 0.1, int build = 6) =>
        Option(AbatementOptionIds.EfficiencyRetrofit, "[widgets]", $"{{ fuelCut: {fuelCut} }}", cnyPerTce, "tce_yr", build: build);

    static string WasteHeat(double cnyPerTce, double fuelCut, int build = 12) =>
        Option(AbatementOptionIds.WasteHeatRecovery, "[widgets]", $"{{ fuelCut: {fuelCut} }}", cnyPerTce, "tce_yr", build: build);

    static DecisionOutcome Decide(AbatementCatalogue catalogue, DecisionTerms terms, params Adoption[] earlier) =>
        AdoptionRule.Decide(Year, Baseline(), terms, earlier, LearningState.Start(catalogue), catalogue);

    [Fact]
    public void Npv_of_a_simple_option_is_minus_capex_plus_discounted_savings()
    {
        // Annuity factor at 10 % for 5 years: (1 - 1.1^-5) / 0.1 = (1 - 0.6209213231) / 0.1 = 3.790786769.
        // NPV = -1000 + 300 x 3.790786769 = 137.2360308.
        Approx.Equal(3.790786769, Discounting.AnnuityFactor(0.10, 5));
        Approx.Equal(137.2360308, Discounting.Npv(1000, 0, 0, 300, 5, 0.10));

        var catalogue = With(Retrofit());
        var a = AdoptionRule.Appraise(catalogue.Get(AbatementOptionIds.EfficiencyRetrofit), Baseline(), Terms(), [], LearningState.Start(catalogue), catalogue);
        Approx.Equal(1000, a.Capex);
        Approx.Equal(300, a.EnergySavings);
        Approx.Equal(137.2360308, a.Npv);
        Approx.Equal(0.1372360308, a.ProfitabilityIndex);
        // Abates 10 % of 200 tCO2 = 20 t. Cost per tonne = (1000 x CRF 0.2637974808 - 300) / 20 = -1.810125962.
        Approx.Equal(20, a.AnnualAbatementTco2);
        Approx.Equal(-1.810125962, a.CostPerTonne);
        Assert.Equal(0.9, a.Effect.Fuel);
    }

    [Fact]
    public void A_carbon_price_adds_the_tonnes_abated_to_the_savings()
    {
        // 20 t abated x 10 CNY/t = 200 CNY/yr more: NPV = 137.2360308 + 200 x 3.790786769 = 895.3933846.
        var catalogue = With(Retrofit());
        var terms = Terms() with { Scope1CarbonPrice = 10 };
        var a = AdoptionRule.Appraise(catalogue.Get(AbatementOptionIds.EfficiencyRetrofit), Baseline(), terms, [], LearningState.Start(catalogue), catalogue);
        Approx.Equal(200, a.CarbonValue);
        Approx.Equal(895.3933846, a.Npv);
    }

    [Fact]
    public void An_option_with_negative_npv_is_not_adopted_and_is_recorded_as_rejected()
    {
        // Capex 2000: NPV = -2000 + 1137.236031 = -862.763969.
        var outcome = Decide(With(Retrofit(cnyPerTce: 20)), Terms());
        Assert.Empty(outcome.Adopted);
        var r = Assert.Single(outcome.Rejected);
        Assert.Equal(RejectionReason.NegativeNpv, r.Reason);
        Approx.Equal(-862.763969, r.Npv);
        Assert.Equal(Industry, r.Industry);
    }

    [Fact]
    public void A_capex_subsidy_turns_an_option_positive_discounted_by_its_delay()
    {
        // Capex 1200: NPV = -1200 + 1137.2360307 = -62.7639693 without subsidy.
        var catalogue = With(Retrofit(cnyPerTce: 12));
        Assert.Empty(Decide(catalogue, Terms()).Adopted);
        // 20 % subsidy paid 12 months later: 240 / 1.1 = 218.1818182; NPV = -62.7639693 + 218.1818182 = 155.4178490.
        var subsidised = Terms() with
        {
            CapexSubsidyShare = new Dictionary<string, double> { [AbatementOptionIds.EfficiencyRetrofit] = 0.2 },
            SubsidyDelayMonths = 12,
        };
        var adoption = Assert.Single(Decide(catalogue, subsidised).Adopted);
        Approx.Equal(1200, adoption.Capex);
        Approx.Equal(240, adoption.Subsidy);
        Approx.Equal(155.4178490, adoption.Npv);
    }

    [Fact]
    public void The_budget_skips_a_large_option_and_takes_a_smaller_one()
    {
        // Large: capex 1000, 12 tce x 30 = 360/yr -> NPV = -1000 + 360 x 3.790786769 = 364.6832368, PI 0.365.
        // Small: capex 500, 5 tce x 30 = 150/yr -> NPV = -500 + 150 x 3.790786769 = 68.6180154, PI 0.137.
        var catalogue = With(Retrofit(fuelCut: 0.12), WasteHeat(5, 0.05));
        var outcome = Decide(catalogue, Terms(budget: 800));
        var taken = Assert.Single(outcome.Adopted);
        Assert.Equal(AbatementOptionIds.WasteHeatRecovery, taken.Option);
        Approx.Equal(68.6180154, taken.Npv);
        var skipped = Assert.Single(outcome.Rejected);
        Assert.Equal((AbatementOptionIds.EfficiencyRetrofit, RejectionReason.OverBudget), (skipped.Option, skipped.Reason));
        Approx.Equal(300, outcome.BudgetLeft);
    }

    [Fact]
    public void Options_are_taken_in_order_of_profitability_index_not_of_npv()
    {
        // Retrofit: capex 1000, NPV 137.2360308, PI 0.137. Waste heat: capex 200, 2.5 tce x 30 = 75/yr ->
        // NPV = -200 + 75 x 3.790786769 = 84.30900769, PI 0.4215. With 1000 to spend the smaller NPV goes first and the
        // retrofit no longer fits (800 left); by NPV the retrofit would have taken the whole budget.
        var catalogue = With(Retrofit(), WasteHeat(2, 0.025));
        var outcome = Decide(catalogue, Terms(budget: 1000));
        Assert.Equal([AbatementOptionIds.WasteHeatRecovery], outcome.Adopted.Select(a => a.Option));
        Assert.Equal(RejectionReason.OverBudget, Assert.Single(outcome.Rejected).Reason);
    }

    [Fact]
    public void Equal_profitability_is_broken_by_option_id()
    {
        var catalogue = With(WasteHeat(10, 0.1), Retrofit());
        var outcome = Decide(catalogue, Terms());
        Assert.Equal([AbatementOptionIds.EfficiencyRetrofit, AbatementOptionIds.WasteHeatRecovery], outcome.Adopted.Select(a => a.Option));
    }

    [Theory]
    [InlineData(0, 2025, 0)]   // no build: from January
    [InlineData(6, 2025, 6)]   // 6 months: from July
    [InlineData(11, 2025, 11)] // from December
    [InlineData(12, 2026, 0)]  // a year: from January of the next year
    [InlineData(18, 2026, 6)]
    [InlineData(24, 2027, 0)]
    public void The_effect_starts_the_month_after_the_build(int buildMonths, int year, int month)
    {
        Assert.Equal((year, month), AdoptionRule.EffectiveStart(2025, buildMonths));
        var adoption = Assert.Single(Decide(With(Retrofit(build: buildMonths)), Terms()).Adopted);
        Assert.Equal((2025, year, month), (adoption.DecidedYear, adoption.EffectiveYear, adoption.EffectiveMonth));
        Assert.Equal(new DateOnly(year, month + 1, 1), adoption.EffectiveFrom);
    }

    [Fact]
    public void An_option_already_adopted_is_never_considered_again()
    {
        var catalogue = With(Retrofit());
        var first = Assert.Single(Decide(catalogue, Terms()).Adopted);
        var second = Decide(catalogue, Terms(), first);
        Assert.Empty(second.Adopted);
        Assert.Empty(second.Rejected);
        // Another enterprise's adoption does not count.
        Assert.Single(Decide(catalogue, Terms(), first with { Enterprise = "e2" }).Adopted);
    }

    [Fact]
    public void Learning_lowers_the_capex_the_decision_sees()
    {
        // Rate 0.2, installed base 10: after 10 adoptions (a doubling) capex x 0.8 = 800; NPV = -800 + 1137.236031 = 337.236031.
        var catalogue = With(Retrofit());
        var learnt = LearningState.Start(catalogue).After(Enumerable.Range(0, 10).Select(i =>
            new Adoption($"x{i}", AbatementOptionIds.EfficiencyRetrofit, 2024, 2024, 6, 0, 0, 0, 0, null)));
        var adoption = Assert.Single(AdoptionRule.Decide(Year, Baseline(), Terms(), [], learnt, catalogue).Adopted);
        Approx.Equal(800, adoption.Capex);
        Approx.Equal(337.236031, adoption.Npv);
    }

    [Fact]
    public void Pv_is_sized_on_demand_and_storage_on_the_pv_with_no_abatement_of_its_own()
    {
        // 9636 MWh x 15 % / (0.11 x 8760 h) = 1445.4 / 963.6 = 1.5 MW of PV; storage 20 % of it for 2 h: 0.3 MW, 0.6 MWh.
        // Storage arbitrage: 0.6 MWh x 300 cycles x (0.85 x 200 - 50) = 21600 CNY/yr.
        var catalogue = With(
            Option(AbatementOptionIds.OnsitePv, "[widgets]", capex: 1, per: "kw_pv"),
            Option(AbatementOptionIds.Storage, "[widgets]", capex: 1, per: "kwh_storage"));
        var b = Baseline() with { ElectricityMWh = 9636, GridFactor = 0.5 };
        var outcome = AdoptionRule.Decide(Year, b, Terms(), [], LearningState.Start(catalogue), catalogue);
        var pv = outcome.Adopted.Single(a => a.Option == AbatementOptionIds.OnsitePv);
        var storage = outcome.Adopted.Single(a => a.Option == AbatementOptionIds.Storage);
        Approx.Equal(1.5, pv.Effect.PvMW);
        Approx.Equal(1500, pv.Capex);
        Approx.Equal(1445.4 * 0.5, pv.AnnualAbatementTco2); // self-generated MWh x grid factor
        Assert.Equal(1.0, pv.Effect.Electricity); // PV is an asset: consumption per output is unchanged
        Approx.Equal(0.3, storage.Effect.StorageMW);
        Approx.Equal(0.6, storage.Effect.StorageMWh);
        Approx.Equal(600, storage.Capex);
        Approx.Equal(-600 + 21600 * 3.790786769, storage.Npv);
        Assert.Equal(0, storage.AnnualAbatementTco2);
        Assert.Null(storage.CostPerTonne);
    }

    [Fact]
    public void Storage_without_pv_is_rejected_for_its_requirement()
    {
        // PV too dear to adopt (NPV < 0); storage alone would pay but needs the PV.
        var catalogue = With(
            Option(AbatementOptionIds.OnsitePv, "[widgets]", capex: 1e6, per: "kw_pv"),
            Option(AbatementOptionIds.Storage, "[widgets]", capex: 1, per: "kwh_storage"));
        var b = Baseline() with { ElectricityMWh = 9636 };
        var outcome = AdoptionRule.Decide(Year, b, Terms(), [], LearningState.Start(catalogue), catalogue);
        Assert.Empty(outcome.Adopted);
        Assert.Equal(RejectionReason.RequiresOption, outcome.Rejected.Single(r => r.Option == AbatementOptionIds.Storage).Reason);
    }

    [Fact]
    public void A_green_power_contract_pays_its_premium_and_abates_only_when_recognised()
    {
        // 30 % of 1000 MWh = 300 MWh green at a premium 20 - discount 5 = 15 CNY/MWh -> opex 4500 CNY/yr.
        // Recognised: 300 MWh x residual 0.6 = 180 t; cost per tonne = 4500 / 180 = 25 CNY/t.
        var catalogue = With(Option(AbatementOptionIds.GreenPowerContract, "[widgets]", lifetime: 3));
        var b = Baseline() with { ElectricityMWh = 1000, ResidualFactor = 0.6 };
        var terms = Terms() with { GreenPowerPremium = 20, GreenPowerDiscount = 5, GreenPowerRecognised = true };
        var option = catalogue.Get(AbatementOptionIds.GreenPowerContract);
        var a = AdoptionRule.Appraise(option, b, terms, [], LearningState.Start(catalogue), catalogue);
        Approx.Equal(4500, a.Opex);
        Approx.Equal(180, a.AnnualAbatementTco2);
        Approx.Equal(25, a.CostPerTonne);
        Assert.True(a.Npv < 0); // no indirect carbon price: nothing pays for it
        // An indirect carbon price of 30 CNY/t: 180 x 30 = 5400 > 4500, and no capex -> infinite profitability.
        var priced = AdoptionRule.Appraise(option, b, terms with { IndirectCarbonPrice = 30 }, [], LearningState.Start(catalogue), catalogue);
        Approx.Equal(900 * Discounting.AnnuityFactor(0.10, 3), priced.Npv);
        Assert.Equal(double.PositiveInfinity, priced.ProfitabilityIndex);
        var unrecognised = AdoptionRule.Appraise(option, b, terms with { GreenPowerRecognised = false }, [], LearningState.Start(catalogue), catalogue);
        Assert.Equal(0, unrecognised.AnnualAbatementTco2);
        Assert.Null(unrecognised.CostPerTonne);
    }

    [Fact]
    public void Heat_electrification_adds_the_heat_pump_load()
    {
        // Cuts 50 % of 100 tce of fuel (boilers 80 % efficient) and 50 % of 1000 GJ of heat:
        // useful heat = 50 x 29.3076 x 0.8 + 500 = 1672.304 GJ; load = 1672.304 / 3.6 / 4 = 116.1322222 MWh on 1000 MWh.
        var catalogue = With(Option(AbatementOptionIds.HeatElectrification, "[widgets]",
            "{ fuelCut: 0.5, heatCut: 0.5, heatPumpCop: 4, boilerEfficiency: 0.8 }", capex: 1, per: "gj_yr_heat"));
        var b = Baseline() with { ElectricityMWh = 1000, HeatGJ = 1000 };
        var a = AdoptionRule.Appraise(catalogue.Get(AbatementOptionIds.HeatElectrification), b, Terms(), [], LearningState.Start(catalogue), catalogue);
        Approx.Equal(1.1161322222, a.Effect.Electricity);
        Approx.Equal(1672.304, a.Capex);
        // Savings: 50 tce x 30 + 500 GJ x 10 - 116.1322222 MWh x 100 = 1500 + 5000 - 11613.22222 = -5113.22222.
        Approx.Equal(-5113.222222, a.EnergySavings);
    }

    [Fact]
    public void The_discount_rate_is_the_hurdle_less_information_or_the_green_loan_when_lower()
    {
        Approx.Equal(0.09, DecisionTerms.DiscountRateOf(0.12, 0.03));
        Approx.Equal(0.05, DecisionTerms.DiscountRateOf(0.12, 0.03, greenLoanRate: 0.05));
        Approx.Equal(0.09, DecisionTerms.DiscountRateOf(0.12, 0.03, greenLoanRate: 0.10));
        Approx.Equal(0.03, AbatementCatalogue.Default.InformationReduction(disclosure: true, pilotTitle: true));
    }
}
