using ParkTwin.Domain.Decisions;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// The year's decisions as tidy rows (in markets_monthly, period = the year), one group per industry and option,
/// entity "adoption/&lt;industry&gt;/&lt;option&gt;": how many adopted, their capex and subsidy, the abatement they
/// bring and its cost per tonne; and how many passed up the option because its NPV was negative or it did not fit
/// the budget — where the cost bottleneck is. Per industry (entity "adoption/&lt;industry&gt;"): how many of its
/// enterprises reviewed their options this year, of how many.
/// </summary>
public static class DecisionRows
{
    public static IEnumerable<TidyRow> Of(int year, IReadOnlyDictionary<string, (int Reviewed, int Enterprises)> reviewed, IReadOnlyList<DecisionOutcome> outcomes)
    {
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (industry, (count, of)) in reviewed.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            yield return new TidyRow($"adoption/{industry}", period, "reviewed", count, "enterprises");
            yield return new TidyRow($"adoption/{industry}", period, "enterprises", of, "enterprises");
        }
        var adopted = outcomes.SelectMany(o => o.Adopted).ToLookup(a => (a.Industry, a.Option));
        var rejected = outcomes.SelectMany(o => o.Rejected).ToLookup(r => (r.Industry, r.Option));
        var keys = adopted.Select(g => g.Key).Concat(rejected.Select(g => g.Key)).Distinct()
            .OrderBy(k => k.Industry, StringComparer.Ordinal).ThenBy(k => k.Option, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var entity = $"adoption/{key.Industry}/{key.Option}";
            var taken = adopted[key].ToArray();
            var abatement = taken.Sum(a => a.AnnualAbatementTco2);
            yield return new TidyRow(entity, period, "adopted", taken.Length, "enterprises");
            yield return new TidyRow(entity, period, "capex", Math.Round(taken.Sum(a => a.Capex), 2), "CNY");
            yield return new TidyRow(entity, period, "subsidy", Math.Round(taken.Sum(a => a.Subsidy), 2), "CNY");
            yield return new TidyRow(entity, period, "abatement", Math.Round(abatement, 3), "tCO2/yr");
            // Abatement-weighted: the cost of the tonnes this group abates.
            var priced = taken.Where(a => a.CostPerTonne is not null && a.AnnualAbatementTco2 > 0).ToArray();
            var pricedTonnes = priced.Sum(a => a.AnnualAbatementTco2);
            if (pricedTonnes > 0)
                yield return new TidyRow(entity, period, "cost_per_tonne", Math.Round(priced.Sum(a => a.CostPerTonne!.Value * a.AnnualAbatementTco2) / pricedTonnes, 2), "CNY/tCO2");
            var passed = rejected[key].ToArray();
            yield return new TidyRow(entity, period, "rejected_npv", passed.Count(r => r.Reason == RejectionReason.NegativeNpv), "enterprises");
            yield return new TidyRow(entity, period, "rejected_budget", passed.Count(r => r.Reason == RejectionReason.OverBudget), "enterprises");
        }
    }
}
