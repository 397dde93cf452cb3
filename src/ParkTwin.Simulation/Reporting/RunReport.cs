using System.Globalization;
using System.Net;
using System.Text;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Simulation.Reporting;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, charts as base64 data URIs, no links, no scripts) with the
/// run, the province totals, a table of parks, the markets and the charts. Deterministic: the same run gives the same
/// bytes (UTF-8 without BOM, LF line endings, invariant culture, no timestamps).
/// </summary>
public static class RunReport
{
    public const string FileName = "report.html";

    const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em;color:#222;max-width:1200px}
        h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
        th,td{border:1px solid #ccc;padding:.2em .5em}td.n{text-align:right;font-variant-numeric:tabular-nums}
        th{background:#f2f2f2}.pass{color:#2ca02c}.fail{color:#d62728;font-weight:bold}
        figure{margin:1em 0}img{max-width:100%;border:1px solid #eee}
        """;

    public static async Task WriteAsync(string directory, RunSummary summary, IReadOnlyList<Chart> charts,
        IReadOnlyList<TidyRow>? marketRows, CancellationToken cancel = default)
    {
        var path = Path.Combine(directory, FileName);
        await File.WriteAllTextAsync(path + ".tmp", Render(summary, charts, marketRows), new UTF8Encoding(false), cancel);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static string Render(RunSummary summary, IReadOnlyList<Chart> charts, IReadOnlyList<TidyRow>? marketRows)
    {
        var html = new StringBuilder();
        void Line(string text) => html.Append(text).Append('\n');
        var run = summary.Run;
        var title = $"ParkTwin run: {run.Province} {run.Year}, seed {run.Seed}, scale {N(run.Scale)}";
        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line($"<title>{E(title)}</title>");
        Line($"<style>\n{Style}</style>");
        Line("</head>");
        Line("<body>");
        Line($"<h1>{E(title)}</h1>");

        Line("<h2>Run</h2>");
        Line("<table>");
        Row(html, "province", E(run.Province));
        Row(html, "year", N(run.Year));
        Row(html, "seed", N(run.Seed));
        Row(html, "scale", N(run.Scale));
        Row(html, "inventory", E(run.Inventory));
        Line("</table>");

        var p = summary.Province;
        Line("<h2>Province</h2>");
        Line("<table>");
        Row(html, "parks", N(p.Parks));
        Row(html, "enterprises", N(p.Enterprises));
        Row(html, "grid plants", N(p.GridPlants));
        Row(html, "hydro share of generation", Percent(p.HydroShareOfGeneration));
        Row(html, "parks' carbon per energy (t CO2/tce)", p.ParksCarbonPerEnergy is { } cpe ? N(cpe, "F4") : "no data");
        Line("</table>");
        Line("<table>");
        Line("<tr><th>metric</th><th>all parks</th><th>grid</th><th>unit</th></tr>");
        var grid = p.GridTotal.ToDictionary(f => f.Metric, StringComparer.Ordinal);
        var parksTotal = p.ParksTotal.ToDictionary(f => f.Metric, StringComparer.Ordinal);
        foreach (var metric in p.ParksTotal.Select(f => f.Metric).Concat(p.GridTotal.Select(f => f.Metric).Where(m => !parksTotal.ContainsKey(m))))
        {
            var unit = parksTotal.TryGetValue(metric, out var pf) ? pf.Unit : grid[metric].Unit;
            Line($"<tr><td>{E(metric)}</td><td class=\"n\">{(pf is null ? "" : N(pf.Value, "N0"))}</td>" +
                 $"<td class=\"n\">{(grid.TryGetValue(metric, out var gf) ? N(gf.Value, "N0") : "")}</td><td>{E(unit)}</td></tr>");
        }
        Line("</table>");

        Line("<h2>Parks</h2>");
        Line("<table>");
        Line("<tr><th>id</th><th>name</th><th>prefecture</th><th>energy (tce)</th><th>Scope 1 (t CO2)</th><th>Scope 2 market (t CO2)</th>" +
             "<th>carbon per energy (t CO2/tce)</th><th>threshold</th><th>core</th><th>clean share</th></tr>");
        foreach (var park in summary.Parks.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            Line($"<tr><td>{E(park.Id)}</td><td>{E(park.Name)}</td><td>{E(park.Prefecture)}</td>" +
                 $"<td class=\"n\">{N(park.EnergyTce, "N0")}</td><td class=\"n\">{N(park.Scope1, "N0")}</td><td class=\"n\">{N(park.Scope2Market, "N0")}</td>" +
                 $"<td class=\"n\">{(park.CarbonPerEnergy is { } c ? N(c, "F4") : "no data")}</td><td class=\"n\">{N(park.Threshold, "F2")}</td>" +
                 $"<td class=\"{(park.CorePass ? "pass\">pass" : "fail\">fail")}</td>" +
                 $"<td class=\"n\">{(park.CleanEnergyShare is { } s ? Percent(s) : "no data")}</td></tr>");
        }
        Line("</table>");

        Line("<h2>Markets</h2>");
        var m = summary.Markets;
        if (m is null) Line("<p>No market ran.</p>");
        else
        {
            Line("<table>");
            if (m.GreenPower is { } g)
            {
                Row(html, "green power: energy sold (MWh)", N((double)g.EnergySold, "N0"));
                Row(html, "green power: energy bought (MWh)", N((double)g.EnergyBought, "N0"));
            }
            if (m.Certificates is { } c)
                Row(html, "certificates: issued / held / retired / expired", $"{N(c.Issued)} / {N(c.Held)} / {N(c.Retired)} / {N(c.Expired)}");
            if (m.Allowances is { } a)
            {
                Row(html, "allowances: issued / held / surrendered / cancelled", $"{N(a.Issued)} / {N(a.Held)} / {N(a.Surrendered)} / {N(a.Cancelled)}");
                Row(html, "penalties collected / owed (CNY)", $"{N((double)a.PenaltiesCollected, "N0")} / {N((double)a.PenaltiesOwed, "N0")}");
            }
            Line("</table>");
            var prices = (marketRows ?? []).Where(r => r.Metric == "clearing_price").ToArray();
            if (prices.Length > 0)
            {
                var periods = prices.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
                var markets = prices.Select(r => (r.Entity, r.Unit)).Distinct().OrderBy(x => x.Entity, StringComparer.Ordinal).ToArray();
                var byKey = prices.GroupBy(r => (r.Entity, r.Period)).ToDictionary(x => x.Key, x => x.Last().Value);
                Line("<table>");
                Line("<tr><th>month</th>" + string.Concat(markets.Select(x => $"<th>{E(x.Entity)} clearing price ({E(x.Unit)})</th>")) + "</tr>");
                foreach (var period in periods)
                    Line($"<tr><td>{E(period)}</td>" + string.Concat(markets.Select(x =>
                        $"<td class=\"n\">{(byKey.TryGetValue((x.Entity, period), out var v) ? N(v, "F2") : "")}</td>")) + "</tr>");
                Line("</table>");
            }
        }

        Line("<h2>Charts</h2>");
        foreach (var chart in charts)
            Line($"<figure><img alt=\"{E(chart.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\">" +
                 $"<figcaption>{E(chart.Title)} ({E(RunCharts.DirectoryName + "/" + chart.FileName)})</figcaption></figure>");
        Line("</body>");
        Line("</html>");
        return html.ToString();
    }

    static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td class=\"n\">").Append(value).Append("</td></tr>\n");

    static string E(string text) => WebUtility.HtmlEncode(text);
    static string N(double value, string format = "R") => value.ToString(format, CultureInfo.InvariantCulture);
    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    static string Percent(double share) => (100 * share).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
