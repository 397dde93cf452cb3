namespace ParkTwin.Domain.Decisions;

/// <summary>
/// An enterprise's yearly abatement decision (docs/decisions.md). On 1 January it values every option of its
/// industry it has not adopted yet: NPV = −capex + subsidy discounted by its delay + Σ_{t=1..lifetime} (energy
/// savings + carbon value − opex) / (1+r)^t. It adopts those with NPV &gt; 0 in order of profitability index
/// (NPV / net capex, ties by id), skipping any whose net capex exceeds what is left of its budget.
/// </summary>
public static class AdoptionRule
{
    /// <summary>GJ per tce, by definition of the tonne of standard coal (7000 kcal/kg × 4.1868 kJ/kcal).</summary>
    public const double GJPerTce = 29.3076;
    const double HoursPerYear = 8760;

    public static DecisionOutcome Decide(
        int year, EnterpriseBaseline baseline, DecisionTerms terms, IEnumerable<Adoption> earlier,
        LearningState learning, AbatementCatalogue catalogue)
    {
        var mine = earlier.Where(a => a.Enterprise == baseline.Enterprise).ToList();
        var held = mine.Select(a => a.Option).ToHashSet(StringComparer.Ordinal);
        var appraisals = catalogue.ApplicableTo(baseline.Industry)
            .Where(o => !held.Contains(o.Id))
            .Select(o => (Option: o, Appraisal: Appraise(o, baseline, terms, mine, learning, catalogue)))
            .ToList();

        var adopted = new List<Adoption>();
        var rejected = new List<Rejection>();
        foreach (var (option, a) in appraisals.Where(x => !(x.Appraisal.Npv > 0)))
            rejected.Add(Reject(year, baseline, a, RejectionReason.NegativeNpv));

        var ranked = appraisals.Where(x => x.Appraisal.Npv > 0)
            .OrderByDescending(x => x.Appraisal.ProfitabilityIndex)
            .ThenBy(x => x.Option.Id, StringComparer.Ordinal)
            .ToList();
        var budget = terms.CapexBudget;
        var waiting = new List<(AbatementOption Option, OptionAppraisal Appraisal)>();

        void Take((AbatementOption Option, OptionAppraisal Appraisal) x)
        {
            if (x.Appraisal.NetCapex > budget)
            {
                rejected.Add(Reject(year, baseline, x.Appraisal, RejectionReason.OverBudget));
                return;
            }
            budget -= Math.Max(0, x.Appraisal.NetCapex);
            held.Add(x.Option.Id);
            adopted.Add(ToAdoption(year, baseline, x.Option, x.Appraisal));
        }

        foreach (var x in ranked)
            if (x.Option.Requires is { } needed && !held.Contains(needed)) waiting.Add(x);
            else Take(x);
        // An option that needs another (storage: PV) may rank above it; it gets one more turn once the first pass is done.
        foreach (var x in waiting)
            if (held.Contains(x.Option.Requires!)) Take(x);
            else rejected.Add(Reject(year, baseline, x.Appraisal, RejectionReason.RequiresOption));

        rejected.Sort((l, r) => string.CompareOrdinal(l.Option, r.Option));
        return new DecisionOutcome(adopted, rejected, budget);
    }

    /// <summary>
    /// The year and month (0-11) an adoption decided on 1 January of <paramref name="decidedYear"/> takes effect:
    /// the start of the month after its build time (6 months: July; 12 or more: a later year).
    /// </summary>
    public static (int Year, int Month) EffectiveStart(int decidedYear, int buildMonths) =>
        (decidedYear + buildMonths / 12, buildMonths % 12);

    /// <summary>Sizes and values one option for one enterprise; <paramref name="earlier"/> are its adoptions so far (storage pairs with its PV).</summary>
    public static OptionAppraisal Appraise(
        AbatementOption option, EnterpriseBaseline b, DecisionTerms terms, IEnumerable<Adoption> earlier,
        LearningState learning, AbatementCatalogue catalogue)
    {
        var e = option.Effect;
        var prices = catalogue.Prices;
        var r = terms.DiscountRate;

        // Physical changes per year.
        var fuelSavedTce = e.FuelCut * b.FuelTce;
        var heatSavedGJ = e.HeatCut * b.HeatGJ;
        var usefulHeatGJ = e.HeatPumpCop > 0 ? fuelSavedTce * GJPerTce * e.BoilerEfficiency + heatSavedGJ : 0;
        var addedByHeatPumpsMWh = e.HeatPumpCop > 0 ? usefulHeatGJ / 3.6 / e.HeatPumpCop : 0;
        var electricityChangeMWh = e.ElectricityChange * b.ElectricityMWh + addedByHeatPumpsMWh;

        var pvMW = option.Pv is { } pv ? PvMW(pv, b) : 0;
        var pvMWh = option.Pv is { } pv2 ? pvMW * pv2.CapacityFactor * HoursPerYear : 0;
        double storageMW = 0, storageMWh = 0, arbitrage = 0;
        if (option.Storage is { } st)
        {
            var pairedPv = earlier.Where(a => a.Effect.PvMW > 0).Sum(a => a.Effect.PvMW);
            if (pairedPv == 0 && option.Requires is { } needed && catalogue.Get(needed).Pv is { } sizing) pairedPv = PvMW(sizing, b);
            storageMW = st.PowerShareOfPv * pairedPv;
            storageMWh = storageMW * st.Hours;
            // Charge in the valley, discharge at the peak, losing (1 − efficiency) of the energy on the way.
            arbitrage = storageMWh * st.CyclesPerYear * (st.RoundTripEfficiency * prices.TouPeakCnyPerMWh - prices.TouValleyCnyPerMWh);
        }
        var greenMWh = option.GreenPower is { } g ? g.ShareOfDemand * b.ElectricityMWh : 0;

        // Abatement: direct on Scope 1; indirect on purchased electricity and heat.
        var combustionLeft = b.Scope1CombustionTco2 * (1 - e.FuelCut);
        var processLeft = b.Scope1ProcessTco2 * (1 - e.ProcessCut);
        var direct = b.Scope1CombustionTco2 - combustionLeft + b.Scope1ProcessTco2 - processLeft
                     + e.CapturedShare * (combustionLeft + processLeft);
        var indirect = (pvMWh - electricityChangeMWh) * b.GridFactor + heatSavedGJ * b.HeatFactor
                       + (terms.GreenPowerRecognised ? greenMWh * b.ResidualFactor : 0);
        var abated = direct + indirect;

        var basis = option.CapexBasis switch
        {
            CapexBasis.TceYr => b.EnergyTce,
            CapexBasis.MWhYr => b.ElectricityMWh,
            CapexBasis.GJYrHeat => usefulHeatGJ,
            CapexBasis.KwPv => pvMW * 1000,
            CapexBasis.KwhStorage => storageMWh * 1000,
            CapexBasis.Tco2YrAbated => Math.Max(0, abated),
            _ => 0,
        };
        var capex = option.CapexCny * basis * learning.CapexMultiplier(option.Id);
        var subsidy = terms.SubsidyShare(option.Id) * capex;
        var subsidyPv = subsidy * Discounting.Delayed(r, terms.SubsidyDelayMonths);
        var opex = option.OpexShareOfCapex * capex + option.OpexCnyPerTco2 * Math.Max(0, abated)
                   + greenMWh * (terms.GreenPowerPremium - terms.GreenPowerDiscount);
        var energySavings = fuelSavedTce * prices.FuelCnyPerTce + heatSavedGJ * prices.HeatCnyPerGJ
                            + (pvMWh - electricityChangeMWh) * prices.ElectricityCnyPerMWh + arbitrage;
        var carbonValue = direct * terms.Scope1CarbonPrice + indirect * terms.IndirectCarbonPrice;
        var npv = -capex + subsidyPv + (energySavings + carbonValue - opex) * Discounting.AnnuityFactor(r, option.LifetimeYears);
        var netCapex = capex - subsidy;
        var index = netCapex > 0 ? npv / netCapex : npv > 0 ? double.PositiveInfinity : npv < 0 ? double.NegativeInfinity : 0;
        double? costPerTonne = abated > 1e-9
            ? ((capex - subsidyPv) * Discounting.CapitalRecovery(r, option.LifetimeYears) + opex - energySavings) / abated
            : null;

        return new OptionAppraisal
        {
            Option = option.Id,
            Effect = new AdoptionEffect
            {
                Fuel = 1 - e.FuelCut,
                Process = 1 - e.ProcessCut,
                Electricity = b.ElectricityMWh > 0 ? 1 + electricityChangeMWh / b.ElectricityMWh : 1,
                Heat = 1 - e.HeatCut,
                Captured = e.CapturedShare,
                PvMW = pvMW,
                StorageMW = storageMW,
                StorageMWh = storageMWh,
                GreenShare = option.GreenPower?.ShareOfDemand ?? 0,
            },
            Capex = capex,
            Subsidy = subsidy,
            SubsidyPresentValue = subsidyPv,
            EnergySavings = energySavings,
            Opex = opex,
            CarbonValue = carbonValue,
            DirectAbatementTco2 = direct,
            IndirectAbatementTco2 = indirect,
            Npv = npv,
            ProfitabilityIndex = index,
            CostPerTonne = costPerTonne,
        };
    }

    /// <summary>PV covering the sized share of baseline electricity at its capacity factor, within the site limit.</summary>
    static double PvMW(PvSizing pv, EnterpriseBaseline b) =>
        Math.Min(pv.ShareOfDemand * b.ElectricityMWh / (pv.CapacityFactor * HoursPerYear), pv.MaxMW);

    static Adoption ToAdoption(int year, EnterpriseBaseline b, AbatementOption option, OptionAppraisal a)
    {
        var (effectiveYear, month) = EffectiveStart(year, option.BuildMonths);
        return new Adoption(b.Enterprise, option.Id, year, effectiveYear, month, a.Capex, a.Subsidy, a.AnnualAbatementTco2, a.Npv, a.CostPerTonne)
        {
            Industry = b.Industry,
            Park = b.Park,
            Effect = a.Effect,
        };
    }

    static Rejection Reject(int year, EnterpriseBaseline b, OptionAppraisal a, RejectionReason reason) =>
        new(b.Enterprise, a.Option, year, a.Npv, a.NetCapex, a.AnnualAbatementTco2, a.CostPerTonne, reason) { Industry = b.Industry };
}
