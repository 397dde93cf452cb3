using System.Globalization;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ScottPlot;

namespace ParkTwin.Simulation.Reporting;

/// <summary>One rendered chart: its file name under <c>charts/</c>, a title for the report, and the PNG bytes.</summary>
public sealed record Chart(string FileName, string Title, byte[] Png);

/// <summary>
/// The PNG charts of a run (ScottPlot 5), drawn from the in-memory results: the province parks' emissions by month and
/// scope, each park's carbon per energy against its threshold, the markets' clearing prices and the parks' green-power
/// share. Nothing in them depends on the clock or the machine's culture: the same run gives the same pixels (the
/// text is drawn with <see cref="FontName"/> when the machine has it, so bytes are stable on one machine and across
/// machines with the same fonts).
/// </summary>
public static class RunCharts
{
    /// <summary>The sub-directory of a run's directory that holds the charts.</summary>
    public const string DirectoryName = "charts";

    /// <summary>The font every label is drawn in (falls back to ScottPlot's default sans font where it is missing).</summary>
    public const string FontName = "DejaVu Sans";

    public const string Emissions = "emissions_by_scope.png";
    public const string CarbonPerEnergy = "carbon_per_energy.png";
    public const string MarketPrices = "market_prices.png";
    public const string GreenShare = "green_power_share.png";
    public const string Adoption = "adoption.png";

    /// <summary>The chart files every run writes, in the order the report shows them.</summary>
    public static readonly string[] FileNames = [Emissions, CarbonPerEnergy, MarketPrices, GreenShare, Adoption];

    static readonly Color Combustion = Color.FromHex("#8c564b");
    static readonly Color Process = Color.FromHex("#ff7f0e");
    static readonly Color Scope2 = Color.FromHex("#1f77b4");
    static readonly Color Pass = Color.FromHex("#2ca02c");
    static readonly Color Fail = Color.FromHex("#d62728");
    static readonly Color Threshold = Color.FromHex("#000000");

    // ScottPlot's renderer keeps static font caches; rendering one chart at a time keeps it simple and safe.
    static readonly Lock Gate = new();

    /// <summary>Renders the charts and writes them to <c>DIRECTORY/charts/</c> (each to a .tmp sibling, then moved into place).</summary>
    public static async Task<IReadOnlyList<Chart>> WriteAsync(string directory, RunSummary summary, RunBooks books,
        IReadOnlyList<TidyRow>? marketRows, CancellationToken cancel = default)
    {
        var charts = Render(summary, books, marketRows);
        var folder = Path.Combine(directory, DirectoryName);
        Directory.CreateDirectory(folder);
        foreach (var chart in charts)
        {
            var path = Path.Combine(folder, chart.FileName);
            await File.WriteAllBytesAsync(path + ".tmp", chart.Png, cancel);
            File.Move(path + ".tmp", path, overwrite: true);
        }
        return charts;
    }

    /// <summary>Renders the four charts in memory.</summary>
    public static IReadOnlyList<Chart> Render(RunSummary summary, RunBooks books, IReadOnlyList<TidyRow>? marketRows)
    {
        lock (Gate)
        {
            var year = summary.Run.Year;
            return
            [
                new Chart(Emissions, "Province parks: emissions by month and scope", EmissionsChart(books.ProvinceParks, year)),
                new Chart(CarbonPerEnergy, "Carbon per energy of each park against its threshold", CarbonPerEnergyChart(summary.Parks)),
                new Chart(MarketPrices, "Market clearing prices by month", MarketPricesChart(marketRows ?? [], year)),
                new Chart(GreenShare, "Province parks: green-power share of electricity by month", GreenShareChart(books.ProvinceParks, year)),
                new Chart(Adoption, "Abatement adopted this year by industry, and its cost per tonne", AdoptionChart(marketRows ?? [], year)),
            ];
        }
    }

    static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    static byte[] Png(Plot plot, int width, int height) => plot.GetImage(width, height).GetImageBytes(ImageFormat.Png);

    static void MonthTicks(Plot plot, int year)
    {
        var positions = Enumerable.Range(1, 12).Select(m => (double)m).ToArray();
        var labels = Enumerable.Range(1, 12).Select(m => $"{m:00}").ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Bottom.Label.Text = $"month of {year}";
        plot.Axes.SetLimitsX(0.3, 12.7);
    }

    static void Legend(Plot plot, params (string Label, Color Color)[] items)
    {
        foreach (var (label, color) in items)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color, LineColor = color });
        plot.ShowLegend(Edge.Right);
    }

    static byte[] EmissionsChart(MonthlyLedger parks, int year)
    {
        var plot = NewPlot("Province parks: emissions by month and scope", "month", "t CO2");
        var bars = new List<Bar>();
        for (var m = 0; m < 12; m++)
        {
            var bottom = 0.0;
            foreach (var (metric, color) in new[] { (Metric.Scope1Combustion, Combustion), (Metric.Scope1Process, Process), (Metric.Scope2Market, Scope2) })
            {
                var top = bottom + parks[m, metric];
                bars.Add(new Bar { Position = m + 1, ValueBase = bottom, Value = top, FillColor = color, LineWidth = 0, Size = 0.7 });
                bottom = top;
            }
        }
        plot.Add.Bars(bars);
        MonthTicks(plot, year);
        plot.Axes.Margins(bottom: 0);
        Legend(plot, ("Scope 1 combustion", Combustion), ("Scope 1 process", Process), ("Scope 2 market-based", Scope2));
        return Png(plot, 900, 500);
    }

    static byte[] CarbonPerEnergyChart(IReadOnlyList<ParkSummary> parks)
    {
        var plot = NewPlot("Carbon per energy against the threshold (parks sorted)", "park", "t CO2 / tce");
        var sorted = parks.Where(p => p.CarbonPerEnergy is not null)
            .OrderBy(p => p.CarbonPerEnergy!.Value).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var bars = sorted.Select((p, i) => new Bar
        {
            Position = i, Value = p.CarbonPerEnergy!.Value, FillColor = p.CorePass ? Pass : Fail, LineWidth = 0, Size = 0.8,
        }).ToList();
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
            var xs = sorted.Select((_, i) => (double)i).ToArray();
            for (var i = 0; i < sorted.Length; i++)
            {
                var line = plot.Add.Line(i - 0.45, sorted[i].Threshold, i + 0.45, sorted[i].Threshold);
                line.Color = Threshold;
                line.LineWidth = 3;
            }
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, sorted.Select(p => p.Id).ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 90;
            plot.Axes.Bottom.TickLabelStyle.FontSize = sorted.Length > 60 ? 8 : 11;
            plot.Axes.SetLimitsX(-0.7, sorted.Length - 0.3);
            plot.Axes.Margins(bottom: 0);
        }
        else
        {
            plot.Add.Annotation("no park has energy use");
        }
        Legend(plot, ("passes", Pass), ("fails", Fail), ("threshold", Threshold));
        return Png(plot, Math.Max(900, 14 * sorted.Length + 160), 550);
    }

    static byte[] MarketPricesChart(IReadOnlyList<TidyRow> rows, int year)
    {
        var plot = NewPlot("Market clearing prices by month", "month", "price");
        var any = false;
        foreach (var (entity, label, color) in new[] { ("green_power", "green power (CNY/MWh)", Pass), ("carbon", "carbon (CNY/t CO2)", Scope2) })
        {
            var points = rows.Where(r => r.Entity == entity && r.Metric == "clearing_price" && MonthOf(r.Period, year) is not null)
                .Select(r => (X: (double)MonthOf(r.Period, year)!.Value, Y: r.Value)).OrderBy(p => p.X).ToArray();
            if (points.Length == 0) continue;
            any = true;
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            scatter.Color = color;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            scatter.LegendText = label;
        }
        MonthTicks(plot, year);
        if (any) plot.ShowLegend(Alignment.UpperRight);
        else plot.Add.Annotation("no market cleared a price in this run");
        return Png(plot, 900, 500);
    }

    static byte[] GreenShareChart(MonthlyLedger parks, int year)
    {
        var plot = NewPlot("Province parks: green-power share of electricity", "month", "electricity_green / electricity_demand (%)");
        var bars = Enumerable.Range(0, 12).Select(m => new Bar
        {
            Position = m + 1,
            Value = parks[m, Metric.ElectricityDemand] > 0 ? 100 * parks[m, Metric.ElectricityGreen] / parks[m, Metric.ElectricityDemand] : 0,
            FillColor = Pass, LineWidth = 0, Size = 0.7,
        }).ToList();
        plot.Add.Bars(bars);
        MonthTicks(plot, year);
        plot.Axes.Margins(bottom: 0);
        if (bars.All(b => b.Value == 0)) plot.Axes.SetLimitsY(0, 1);
        return Png(plot, 900, 500);
    }

    /// <summary>Per industry: the annual abatement adopted this year (bars) labelled with its abatement-weighted cost per tonne.</summary>
    static byte[] AdoptionChart(IReadOnlyList<TidyRow> rows, int year)
    {
        var plot = NewPlot($"Abatement adopted in {year} by industry", "industry", "t CO2 a year");
        var period = year.ToString(CultureInfo.InvariantCulture);
        var groups = rows.Where(r => r.Period == period && r.Entity.StartsWith("adoption/", StringComparison.Ordinal))
            .GroupBy(r => r.Entity.Split('/')[1], StringComparer.Ordinal)
            .Select(g =>
            {
                var tonnes = g.Where(r => r.Metric == "abatement").Sum(r => r.Value);
                // Weighted by each option's abatement, as in the rows.
                var costs = g.GroupBy(r => r.Entity).Select(o => (Tonnes: o.Where(r => r.Metric == "abatement").Sum(r => r.Value),
                    Cost: o.Where(r => r.Metric == "cost_per_tonne").Select(r => (double?)r.Value).FirstOrDefault())).Where(o => o.Cost is not null && o.Tonnes > 0).ToArray();
                var cost = costs.Sum(c => c.Tonnes) > 0 ? costs.Sum(c => c.Tonnes * c.Cost!.Value) / costs.Sum(c => c.Tonnes) : (double?)null;
                return (Industry: g.Key, Tonnes: tonnes, Cost: cost);
            })
            .Where(g => g.Tonnes > 0).OrderBy(g => g.Industry, StringComparer.Ordinal).ToArray();
        if (groups.Length == 0)
        {
            plot.Add.Annotation("no abatement adopted in this year");
            return Png(plot, 900, 500);
        }
        plot.Add.Bars(groups.Select((g, i) => new Bar { Position = i, Value = g.Tonnes, FillColor = Pass, LineWidth = 0, Size = 0.7,
            Label = g.Cost is { } c ? $"{c:F0} CNY/t" : "" }).ToList());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(groups.Select((_, i) => (double)i).ToArray(), groups.Select(g => g.Industry).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return Png(plot, 900, 550);
    }

    static int? MonthOf(string period, int year) =>
        period.Length == 7 && period.StartsWith($"{year}-", StringComparison.Ordinal)
            && int.TryParse(period.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null;
}
