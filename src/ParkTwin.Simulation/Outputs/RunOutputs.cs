using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// Writes a finished run: monthly tidy series per enterprise, per park and for the province (CSV and Parquet),
/// summary.json, the charts (charts/*.png) and report.html. Everything is sorted and formatted deterministically: the same run gives the same bytes.
/// <paramref name="select"/> (a scenario's <c>outputs:</c>; default everything) leaves out series, formats, the
/// charts or the report; summary.json is always written.
/// </summary>
public static class RunOutputs
{
    public static async Task WriteAsync(string directory, ProvinceModel model, RunBooks books, RunInfo info, CancellationToken cancel = default,
        IReadOnlyList<TidyRow>? marketRows = null, Markets.MarketSummary? markets = null, string? partialUntil = null, OutputSelection? select = null)
    {
        select ??= OutputSelection.All;
        var csv = select.Formats.Contains(OutputSelection.Csv);
        var parquet = select.Formats.Contains(OutputSelection.Parquet);
        Task Series(string series, string name, IEnumerable<TidyRow> rows) =>
            select.Series.Contains(series) ? TidySeriesWriter.WriteAsync(directory, name, rows, csv, parquet, cancel) : Task.CompletedTask;
        Directory.CreateDirectory(directory);
        var year = model.Settings.Year;
        var industryOf = model.Parks.SelectMany(p => p.Enterprises).ToDictionary(e => e.Id, e => model.Industries[e.Industry].OutputUnit);
        await Series(OutputSelection.Enterprises, "enterprises_monthly",
            books.Enterprises.SelectMany(e => MonthlyRows.Of(e.Id, e.Ledger, year, MonthlyRows.Units(industryOf[e.Id]))));
        await Series(OutputSelection.Parks, "parks_monthly",
            books.Parks.SelectMany(p => MonthlyRows.Of(p.Id, p.Ledger, year, MonthlyRows.Units(null))));
        await Series(OutputSelection.Province, "province_monthly",
            MonthlyRows.Of("parks", books.ProvinceParks, year, MonthlyRows.Units(null))
                .Concat(MonthlyRows.Of("grid", books.Grid, year, MonthlyRows.Units(null))));
        if (marketRows is not null) await Series(OutputSelection.MarketSeries, "markets_monthly", marketRows);
        var summary = RunSummary.Of(model, books, info) with { Markets = markets, Partial = partialUntil is null ? null : true, LastDate = partialUntil };
        await SummaryJson.WriteAsync(Path.Combine(directory, SummaryJson.FileName), summary, cancel);
        if (!select.Charts && !select.Report) return;
        var charts = select.Charts
            ? await Reporting.RunCharts.WriteAsync(directory, summary, books, marketRows, cancel)
            : Reporting.RunCharts.Render(summary, books, marketRows);
        if (select.Report) await Reporting.RunReport.WriteAsync(directory, summary, charts, marketRows, cancel);
    }
}
