using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Outputs;

/// <summary>Turns monthly ledgers into tidy rows: one per entity, month and metric, leaving out metrics that stay zero all year.</summary>
public static class MonthlyRows
{
    public static IEnumerable<TidyRow> Of(string entity, MonthlyLedger ledger, int year, Func<int, string?> unitOf)
    {
        var totals = ledger.YearTotals();
        for (var m = 0; m < 12; m++)
        {
            var period = $"{year}-{m + 1:00}";
            for (var metric = 0; metric < Metric.Count; metric++)
            {
                if (totals[metric] == 0 || unitOf(metric) is not { } unit) continue;
                yield return new TidyRow(entity, period, Metric.Definitions[metric].Name, ledger[m, metric], unit);
            }
        }
    }

    /// <summary>Units as defined, but output in the industry's own unit (or left out where units would mix).</summary>
    public static Func<int, string?> Units(string? outputUnit) =>
        metric => metric == Metric.Output ? outputUnit : Metric.Definitions[metric].Unit;
}
