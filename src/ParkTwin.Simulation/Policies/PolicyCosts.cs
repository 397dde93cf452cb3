using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Markets;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Simulation.Policies;

/// <summary>
/// What the year's policies cost and raised, month by month, from the books (rows of entity "policy" in
/// markets_monthly): carbon tax collected, green-power discounts paid, and how far mandated enterprises got.
/// </summary>
public static class PolicyCosts
{
    public static IReadOnlyList<TidyRow> Rows(PolicyYear year, ProvinceInventory inventory, RunBooks books, MarketSettings markets)
    {
        var rows = new List<TidyRow>();
        var ledgers = books.Enterprises.ToDictionary(e => e.Id, e => e.Ledger, StringComparer.Ordinal);
        var taxes = year.InForce<CarbonTax>().Select(t => (Tax: t, Targets: inventory.Enterprises.Where(e => year.Covers(t.Target, e)).Select(e => ledgers[e.Id]).ToArray())).ToArray();
        var mandated = markets.GreenPower.Mandates;
        for (var m = 0; m < 12; m++)
        {
            var period = new YearMonth(year.Year, m + 1).ToString();
            if (taxes.Length > 0)
            {
                // A tax in force for part of a month is levied on that share of the month's Scope 1.
                var tax = taxes.Sum(t => t.Tax.Rate * year.ShareOfMonth(t.Tax, m) * t.Targets.Sum(l => l[m, Metric.Scope1Combustion] + l[m, Metric.Scope1Process]));
                rows.Add(new TidyRow("policy", period, "carbon_tax", Math.Round(tax, 2), "CNY"));
            }
            if (markets.GreenPower.Discounts.Count > 0)
                rows.Add(new TidyRow("policy", period, "green_discount_paid",
                    Math.Round(markets.GreenPower.Discounts.Sum(d => d.Value * ledgers[d.Key][m, Metric.ElectricityGreen]), 2), "CNY"));
            if (mandated.Count > 0)
            {
                var demand = mandated.Keys.Sum(id => ledgers[id][m, Metric.ElectricityDemand]);
                var green = mandated.Keys.Sum(id => ledgers[id][m, Metric.ElectricityGreen] + ledgers[id][m, Metric.ElectricityOnsite] + ledgers[id][m, Metric.ElectricityPark]);
                var required = mandated.Sum(p => p.Value.Share * ledgers[p.Key][m, Metric.ElectricityDemand]);
                rows.Add(new TidyRow("policy", period, "mandate_green_share", demand > 0 ? Math.Round(green / demand, 6) : 0, "share"));
                rows.Add(new TidyRow("policy", period, "mandate_shortfall", Math.Round(Math.Max(0, required - green), 3), "MWh"));
            }
        }
        return rows;
    }
}
