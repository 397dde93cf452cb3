using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// Writes a finished run: monthly tidy series per enterprise, per park and for the province (CSV and Parquet),
/// summary.json, the charts (charts/*.png) and report.html. Everything is sorted and formatted deterministically: the same run gives the same bytes.
/// </summary>
public static class RunOutputs
{
    public static async Task WriteAsync(string directory, ProvinceModel model, RunBooks books, RunInfo info, CancellationToken cancel = default,
        IReadOnlyList<TidyRow>? marketRows = null, Markets.MarketSummary? markets = null, string? partialUntil = null)
    {
        Directory.CreateDirectory(directory);
        var year = model.Settings.Year;
        var industryOf = model.Parks.SelectMany(p => p.Enterprises).ToDictionary(e => e.Id, e => model.Industries[e.Industry].OutputUnit);
        await TidySeriesWriter.WriteAsync(directory, "enterprises_monthly",
            books.Enterprises.SelectMany(e => MonthlyRows.Of(e.Id, e.Ledger, year, MonthlyRows.Units(industryOf[e.Id]))), cancel);
        await TidySeriesWriter.WriteAsync(directory, "parks_monthly",
            books.Parks.SelectMany(p => MonthlyRows.Of(p.Id, p.Ledger, year, MonthlyRows.Units(null))), cancel);
        await TidySeriesWriter.WriteAsync(directory, "province_monthly",
            MonthlyRows.Of("parks", books.ProvinceParks, year, MonthlyRows.Units(null))
                .Concat(MonthlyRows.Of("grid", books.Grid, year, MonthlyRows.Units(null))), cancel);
        if (marketRows is not null) await TidySeriesWriter.WriteAsync(directory, "markets_monthly", marketRows, cancel);
        var summary = RunSummary.Of(model, books, info) with { Markets = markets, Partial = partialUntil is null ? null : true, LastDate = partialUntil };
        await SummaryJson.WriteAsync(Path.Combine(directory, SummaryJson.FileName), summary, cancel);
        var charts = await Reporting.RunCharts.WriteAsync(directory, summary, books, marketRows, cancel);
        await Reporting.RunReport.WriteAsync(directory, summary, charts, marketRows, cancel);
    }
}
