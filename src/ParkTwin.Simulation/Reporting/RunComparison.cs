using System.Globalization;
using System.Text;
using System.Text.Json;
using ParkTwin.Domain;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Simulation.Reporting;

/// <summary>One compared value of <c>compare.csv</c>: B − A and (B − A) / |A| (null where A is zero).</summary>
public sealed record SeriesDifference(string Entity, string Period, string Metric, string Unit, double A, double B)
{
    public double Difference => B - A;
    public double? RelativeDifference => A != 0 ? (B - A) / Math.Abs(A) : null;
}

/// <summary>
/// Compares two run directories (their summary.json, province_monthly.csv and parks_monthly.csv): every province- and
/// park-level monthly value side by side, and a markdown report of what differs. A value missing from one run counts
/// as 0 there (runs leave out metrics that stay zero all year).
/// </summary>
public sealed class RunComparison
{
    public const string CsvHeader = "entity,period,metric,unit,a,b,difference,relative_difference";

    /// <summary>The files a directory needs to be compared.</summary>
    public static readonly string[] RequiredFiles = [SummaryJson.FileName, "province_monthly.csv", "parks_monthly.csv"];

    public required string PathA { get; init; }
    public required string PathB { get; init; }
    public required JsonElement SummaryA { get; init; }
    public required JsonElement SummaryB { get; init; }
    public required IReadOnlyList<SeriesDifference> Rows { get; init; }

    public int DifferingCount => Rows.Count(r => r.Difference != 0);

    /// <summary>Reads both runs; anything missing or malformed is an <see cref="InputException"/> naming the path.</summary>
    public static RunComparison Load(string runA, string runB)
    {
        Check(runA);
        Check(runB);
        var a = ReadSeries(runA);
        var b = ReadSeries(runB);
        var rows = new List<SeriesDifference>();
        foreach (var key in a.Keys.Union(b.Keys).Order(KeyOrder.Instance))
        {
            a.TryGetValue(key, out var va);
            b.TryGetValue(key, out var vb);
            rows.Add(new SeriesDifference(key.Entity, key.Period, key.Metric, va.Unit ?? vb.Unit!, va.Value, vb.Value));
        }
        return new RunComparison { PathA = runA, PathB = runB, SummaryA = ReadSummary(runA), SummaryB = ReadSummary(runB), Rows = rows };
    }

    static void Check(string run)
    {
        if (File.Exists(run)) throw new InputException(run, "is a file, not a run directory");
        if (!Directory.Exists(run)) throw new InputException(run, "no such directory");
        foreach (var file in RequiredFiles)
            if (!File.Exists(Path.Combine(run, file)))
                throw new InputException(run, $"not a run directory: it has no {file}");
    }

    static JsonElement ReadSummary(string run)
    {
        var path = Path.Combine(run, SummaryJson.FileName);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("run", out _) || !root.TryGetProperty("parks", out _))
                throw new InputException(path, "not a run summary (no 'run' or 'parks')");
            return root;
        }
        catch (JsonException e)
        {
            throw new InputException(path, e.Message);
        }
    }

    /// <summary>Series key: the file (0 = province, 1 = parks) orders province rows first.</summary>
    readonly record struct Key(int File, string Entity, string Period, string Metric);

    sealed class KeyOrder : IComparer<Key>
    {
        public static readonly KeyOrder Instance = new();
        public int Compare(Key x, Key y)
        {
            var c = x.File.CompareTo(y.File);
            if (c == 0) c = string.CompareOrdinal(x.Entity, y.Entity);
            if (c == 0) c = string.CompareOrdinal(x.Period, y.Period);
            if (c == 0) c = string.CompareOrdinal(x.Metric, y.Metric);
            return c;
        }
    }

    static Dictionary<Key, (double Value, string? Unit)> ReadSeries(string run)
    {
        var values = new Dictionary<Key, (double, string?)>();
        foreach (var (file, index) in new[] { ("province_monthly.csv", 0), ("parks_monthly.csv", 1) })
        {
            var path = Path.Combine(run, file);
            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() != TidySeriesWriter.CsvHeader)
                throw new InputException(path, $"expected the header '{TidySeriesWriter.CsvHeader}'");
            var line = 1;
            while (reader.ReadLine() is { } text)
            {
                line++;
                if (text.Length == 0) continue;
                var fields = SplitCsv(text);
                if (fields is null || fields.Count != 5) throw new InputException($"{path}:{line}", "expected 5 fields: " + TidySeriesWriter.CsvHeader);
                if (!double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw new InputException($"{path}:{line}", $"'{fields[3]}' is not a number");
                values[new Key(index, fields[0], fields[1], fields[2])] = (value, fields[4]);
            }
        }
        return values;
    }

    /// <summary>Splits one RFC 4180 line (quotes only where needed, as the tidy writer writes it); null when a quote is unbalanced.</summary>
    static List<string>? SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>compare.csv: <see cref="CsvHeader"/>, one row per entity, month and metric, LF line endings, shortest round-trip numbers.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in Rows)
            text.Append(Field(r.Entity)).Append(',').Append(Field(r.Period)).Append(',').Append(Field(r.Metric)).Append(',').Append(Field(r.Unit)).Append(',')
                .Append(N(r.A)).Append(',').Append(N(r.B)).Append(',').Append(N(r.Difference)).Append(',')
                .Append(r.RelativeDifference is { } rel ? N(rel) : "").Append('\n');
        return text.ToString();
    }

    /// <summary>The markdown report.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line("# ParkTwin run comparison");
        Line();
        Line("| | run | province | year | seed | scale | inventory |");
        Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (label, path, summary) in new[] { ("A", PathA, SummaryA), ("B", PathB, SummaryB) })
        {
            var run = summary.GetProperty("run");
            Line($"| {label} | `{path}` | {Text(run, "province")} | {Text(run, "year")} | {Text(run, "seed")} | {Text(run, "scale")} | {Text(run, "inventory")} |");
        }
        Line();
        var differing = DifferingCount;
        Line($"{Rows.Count} monthly values compared (province and parks, `compare.csv`); {differing} differ.");
        Line();
        if (differing == 0)
        {
            Line("**No differences.**");
            return md.ToString();
        }

        Line("## Province parks, year totals");
        Line();
        Line("| metric | unit | A | B | B − A | relative |");
        Line("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var g in Rows.Where(r => r.Entity == "parks").GroupBy(r => (r.Metric, r.Unit)).OrderBy(g => g.Key.Metric, StringComparer.Ordinal))
        {
            var total = new SeriesDifference("parks", "year", g.Key.Metric, g.Key.Unit, g.Sum(r => r.A), g.Sum(r => r.B));
            Line($"| {total.Metric} | {total.Unit} | {F(total.A)} | {F(total.B)} | {F(total.Difference)} | {Rel(total.RelativeDifference)} |");
        }
        Line();

        Line("## Parks: core indicator");
        Line();
        Line("| park | carbon per energy A | B | B − A | core A | core B |");
        Line("| --- | ---: | ---: | ---: | --- | --- |");
        var parksA = Parks(SummaryA);
        var parksB = Parks(SummaryB);
        foreach (var id in parksA.Keys.Union(parksB.Keys).Order(StringComparer.Ordinal))
        {
            var a = parksA.GetValueOrDefault(id);
            var b = parksB.GetValueOrDefault(id);
            var diff = a.Cpe is { } x && b.Cpe is { } y ? F(y - x, "F4") : "";
            Line($"| {id} | {(a.Cpe is { } ca ? F(ca, "F4") : "–")} | {(b.Cpe is { } cb ? F(cb, "F4") : "–")} | {diff} | {a.Core ?? "–"} | {b.Core ?? "–"} |");
        }
        Line();

        Line("## Largest monthly differences");
        Line();
        Line("| entity | period | metric | unit | A | B | B − A | relative |");
        Line("| --- | --- | --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var r in Rows.Where(r => r.Difference != 0)
                     .OrderByDescending(r => r.RelativeDifference is { } rel ? Math.Abs(rel) : double.PositiveInfinity)
                     .ThenByDescending(r => Math.Abs(r.Difference)).Take(20))
            Line($"| {r.Entity} | {r.Period} | {r.Metric} | {r.Unit} | {F(r.A)} | {F(r.B)} | {F(r.Difference)} | {Rel(r.RelativeDifference)} |");
        return md.ToString();
    }

    static Dictionary<string, (double? Cpe, string? Core)> Parks(JsonElement summary) =>
        summary.GetProperty("parks").EnumerateArray().ToDictionary(
            p => p.GetProperty("id").GetString() ?? "",
            p => (p.TryGetProperty("carbonPerEnergy", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : (double?)null,
                  p.TryGetProperty("corePass", out var pass) && pass.ValueKind is JsonValueKind.True or JsonValueKind.False ? (pass.GetBoolean() ? "pass" : "fail") : null),
            StringComparer.Ordinal);

    static string Text(JsonElement run, string name) =>
        run.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : "";

    static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    static string N(double value) => (value == 0 ? 0 : value).ToString(CultureInfo.InvariantCulture);
    static string F(double value, string format = "N2") => (value == 0 ? 0 : value).ToString(format, CultureInfo.InvariantCulture);
    static string Rel(double? rel) => rel is { } r ? (100 * r).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %" : "n/a";
}
