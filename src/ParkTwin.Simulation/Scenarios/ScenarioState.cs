using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Decisions;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Markets;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Policies;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// What a scenario carries from one year into the next: the certificates still on their way to the ETS, the
/// prices last seen (the enterprises' expectations), and every adoption so far with the learning it brought.
/// </summary>
public sealed class ScenarioState(AbatementCatalogue? catalogue = null)
{
    readonly AbatementCatalogue catalogue = catalogue ?? AbatementCatalogue.Default;
    readonly Dictionary<string, List<Adoption>> adoptions = new(StringComparer.Ordinal);
    readonly Dictionary<int, DecisionOutcome[]> outcomes = [];
    readonly Dictionary<int, Dictionary<string, (int Reviewed, int Enterprises)>> reviews = [];
    LearningState? learning;

    public RecognitionCarry Carry { get; private set; } = new();
    /// <summary>Last year's volume-weighted clearing prices; null before the first year or where nothing traded.</summary>
    public double? CarbonPrice { get; private set; }
    public double? GreenPrice { get; private set; }

    /// <summary>Every adoption so far, by enterprise id.</summary>
    public IReadOnlyDictionary<string, List<Adoption>> Adoptions => adoptions;

    /// <summary>
    /// The enterprises' decisions of 1 January (docs/decisions.md): each appraises its industry's options with the
    /// year's policies and last year's prices and adopts within its budget. Returns the year's inventory with the
    /// assets the adoptions built, and each enterprise's adopted measures for the year.
    /// </summary>
    public (ProvinceInventory Inventory, Func<EnterpriseSpec, EnterpriseMeasures> Measures) Decide(Scenario scenario, PolicyYear year,
        MarketSettings markets, RunFactors factors, IReadOnlyDictionary<string, IndustryProfile> industries)
    {
        var inventory = scenario.Inventory;
        learning ??= LearningState.Start(catalogue);
        if (scenario.Decisions)
        {
            var decided = new List<DecisionOutcome>();
            var reviewed = new Dictionary<string, (int Reviewed, int Enterprises)>(StringComparer.Ordinal);
            foreach (var e in inventory.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                var review = Reviews(e, year, scenario.Seed);
                var (r, n) = reviewed.GetValueOrDefault(e.Industry);
                reviewed[e.Industry] = (r + (review ? 1 : 0), n + 1);
                if (!review) continue;
                var earlier = adoptions.GetValueOrDefault(e.Id) ?? [];
                var baseline = Baseline(e, industries[e.Industry], factors, earlier, year.Year);
                var outcome = AdoptionRule.Decide(year.Year, baseline, Terms(e, year, markets, baseline.OutputValueCny), earlier, learning, catalogue);
                decided.Add(outcome);
                if (outcome.Adopted.Count > 0) (adoptions.TryGetValue(e.Id, out var list) ? list : adoptions[e.Id] = []).AddRange(outcome.Adopted);
            }
            outcomes[year.Year] = decided.ToArray();
            reviews[year.Year] = reviewed;
            // Everyone deciding in the same year faced the same capex: learning moves on after the year's decisions.
            learning = learning.After(decided.SelectMany(d => d.Adopted));
        }
        var built = adoptions.Values.SelectMany(a => AdoptionEffects.Assets(a, year.Year)).ToList();
        foreach (var (id, list) in adoptions)
        {
            var (share, _) = AdoptionEffects.GreenPower(list, year.Year);
            if (share > 0) markets.GreenPower.Adopters[id] = new GreenBuyer { Share = share, MaxPrice = markets.GreenPower.GridPrice };
        }
        if (built.Count > 0) inventory = inventory with { Assets = inventory.Assets.Concat(built).ToList() };
        return (inventory, e => adoptions.TryGetValue(e.Id, out var list) ? AdoptionEffects.Measures(list, year.Year) : EnterpriseMeasures.None);
    }

    /// <summary>
    /// Whether the enterprise reviews its options this year: a draw from (seed, enterprise, year) against its
    /// propensity, raised by a disclosure duty or a pilot-park title that applies to it.
    /// </summary>
    bool Reviews(EnterpriseSpec e, PolicyYear year, int seed)
    {
        var information = year.InForce<InformationPolicy>().Where(p => year.Covers(p.Target, e)).Select(p => p.Kind).ToHashSet();
        var propensity = catalogue.Propensity.Of(information.Contains("disclosure"), information.Contains("pilot-title"));
        return propensity >= 1 || Noise.Uniform(Noise.Key((ulong)seed, "review:" + e.Id), year.Year) < propensity;
    }

    /// <summary>The enterprise's year as it plans it, after the abatement it already has (as in effect at the year's end).</summary>
    static EnterpriseBaseline Baseline(EnterpriseSpec e, IndustryProfile industry, RunFactors factors, IReadOnlyList<Adoption> earlier, int year)
    {
        var i = EnterpriseIntensity.Of(e, industry, factors);
        var m = earlier.Count > 0 ? AdoptionEffects.Measures(earlier, year) : EnterpriseMeasures.None;
        const int december = 11;
        var output = e.AnnualOutput;
        var kept = 1 - EnterpriseMeasures.At(m.Captured, december, 0);
        var fuelTce = output * m.FuelTcePerOutput(i, december);
        var electricity = output * m.ElectricityPerOutput(i, december);
        var heat = output * m.HeatPerOutput(i, december);
        return new EnterpriseBaseline
        {
            Enterprise = e.Id,
            Industry = e.Industry,
            Park = e.Park,
            AnnualOutput = output,
            OutputValueCny = output * i.Value10kCny * 1e4,
            Scope1CombustionTco2 = output * i.Scope1Combustion * EnterpriseMeasures.At(m.Fuel, december) * kept,
            Scope1ProcessTco2 = output * i.Scope1Process * EnterpriseMeasures.At(m.Process, december) * kept,
            FuelTce = fuelTce,
            ElectricityMWh = electricity,
            HeatGJ = heat,
            EnergyTce = fuelTce + electricity * factors.ElectricityTcePerMWh + heat * factors.HeatTcePerGJ,
            GridFactor = factors.GridFactor,
            ResidualFactor = factors.ResidualFactor,
            HeatFactor = factors.HeatCo2PerGJ,
        };
    }

    /// <summary>The policy mix as it reaches one enterprise this year, and its price expectations (last year's prices).</summary>
    DecisionTerms Terms(EnterpriseSpec e, PolicyYear year, MarketSettings markets, double outputValueCny)
    {
        var carbon = markets.Carbon;
        var covered = CarbonSide.IsCovered(e.Industry, carbon, EtsRules.Default);
        var etsPrice = covered ? CarbonPrice ?? catalogue.ReferenceCarbonPrice : 0;
        var tax = year.InForce<CarbonTax>().Where(t => year.Covers(t.Target, e)).Sum(t => t.Rate);
        var information = year.InForce<InformationPolicy>().Where(p => year.Covers(p.Target, e))
            .GroupBy(p => p.Kind).Sum(g => g.Max(p => p.HurdleReduction ?? (p.Kind == "disclosure" ? catalogue.DisclosureReduction : catalogue.PilotTitleReduction)));
        var loans = year.InForce<GreenLoan>().Where(p => year.Covers(p.Target, e)).Select(p => p.Rate).ToArray();
        var subsidies = year.InForce<CapexSubsidy>().Where(p => year.Covers(p.Target, e))
            .GroupBy(p => p.Technology).ToDictionary(g => g.Key, g => g.Max(p => p.Share));
        var recognised = covered && carbon.Indirect && carbon.RecogniseCertificates;
        return new DecisionTerms
        {
            Scope1CarbonPrice = etsPrice + tax,
            IndirectCarbonPrice = covered && carbon.Indirect ? etsPrice : 0,
            GreenPowerRecognised = recognised,
            GreenPowerPremium = Math.Max(0, (GreenPrice ?? markets.GreenPower.OfferPrice) - markets.GreenPower.OfferPrice),
            GreenPowerDiscount = markets.GreenPower.Discounts.GetValueOrDefault(e.Id),
            DiscountRate = DecisionTerms.DiscountRateOf(catalogue.HurdleRate(e.Industry), information, loans.Length > 0 ? loans.Min() : null),
            CapexSubsidyShare = subsidies,
            SubsidyDelayMonths = year.InForce<CoordinationDelay>().Where(d => d.Channel == "subsidy-payment").Select(d => d.Months).DefaultIfEmpty(0).Max(),
            CapexBudget = catalogue.CapexBudget(outputValueCny),
        };
    }

    public IEnumerable<TidyRow> Rows(int year) =>
        outcomes.TryGetValue(year, out var decided) ? DecisionRows.Of(year, reviews[year], decided) : [];

    public async Task FinishYearAsync(int year, RunBooks books, MarketStage? stage)
    {
        Carry = Carry.Next();
        if (stage is null) return;
        var (carbon, green) = await stage.AveragePricesAsync();
        CarbonPrice = carbon ?? CarbonPrice;
        GreenPrice = green ?? GreenPrice;
    }
}
