using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using Parquet;
using Parquet.Schema;
using ParkTwin.Simulation.Outputs;
using Xunit.Abstractions;

namespace ParkTwin.Twins.Tests.Outputs;

public sealed class TidySeriesWriterTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parktwin-tests", "tidy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Awkward values for exact round-tripping (shortest "R" text must parse back to the same bits).</summary>
    private static readonly double[] AwkwardValues =
    [
        0.1 + 0.2, 1e-300, 123456789.123456789, 0.0, 1.0, -1.5, double.Epsilon, -double.Epsilon,
        double.MaxValue, double.MinValue, 5e-324, 2.2250738585072014E-308, 1.7976931348623157E308,
        1.0 / 3.0, 2.0 / 3.0, Math.PI, -Math.E, 1e21, 1e22, 123456789012345680000.0, 9007199254740993.0,
        0.000001, 1e-7, 4.35, 100, -0.1, 299792458,
    ];

    private static List<TidyRow> SampleRows()
    {
        var rows = new List<TidyRow>();
        string[] entities = ["ent-0001", "ent-0002", "park \"north\", A", "Ünïcødé-园区", "=SUM(A1)", "line\nbreak"];
        string[] metrics = ["electricity", "co2", "gas"];
        int i = 0;
        foreach (string entity in entities)
            for (int month = 1; month <= 12; month++)
                foreach (string metric in metrics)
                    rows.Add(new TidyRow(entity, $"2023-{month:00}", metric, AwkwardValues[i++ % AwkwardValues.Length], metric == "co2" ? "t" : "MWh"));
        return rows;
    }

    [Fact]
    public async Task Same_rows_give_byte_identical_csv_and_parquet()
    {
        var rows = SampleRows();
        string a = Path.Combine(_dir, "a"), b = Path.Combine(_dir, "b");
        await TidySeriesWriter.WriteAsync(a, "monthly", rows);
        await TidySeriesWriter.WriteAsync(b, "monthly", rows, rowGroupSize: TidySeriesWriter.DefaultRowGroupSize);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "monthly.csv")), File.ReadAllBytes(Path.Combine(b, "monthly.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "monthly.parquet")), File.ReadAllBytes(Path.Combine(b, "monthly.parquet")));
        Assert.Equal(["monthly.csv", "monthly.parquet"], Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_format_alone_writes_the_same_bytes_as_with_both_and_touches_no_other_file()
    {
        var rows = SampleRows();
        string both = Path.Combine(_dir, "both"), csv = Path.Combine(_dir, "csv"), parquet = Path.Combine(_dir, "parquet"), none = Path.Combine(_dir, "none");
        await TidySeriesWriter.WriteAsync(both, "monthly", rows);
        Assert.Equal(rows.Count, await TidySeriesWriter.WriteAsync(csv, "monthly", rows, csv: true, parquet: false));
        Assert.Equal(rows.Count, await TidySeriesWriter.WriteAsync(parquet, "monthly", rows, csv: false, parquet: true));
        Assert.Equal(0, await TidySeriesWriter.WriteAsync(none, "monthly", rows, csv: false, parquet: false));

        Assert.Equal(["monthly.csv"], Directory.GetFiles(csv).Select(Path.GetFileName));
        Assert.Equal(["monthly.parquet"], Directory.GetFiles(parquet).Select(Path.GetFileName));
        Assert.False(Directory.Exists(none));
        Assert.Equal(File.ReadAllBytes(Path.Combine(both, "monthly.csv")), File.ReadAllBytes(Path.Combine(csv, "monthly.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(both, "monthly.parquet")), File.ReadAllBytes(Path.Combine(parquet, "monthly.parquet")));
    }

    [Fact]
    public async Task Output_bytes_match_golden_hashes_so_they_do_not_depend_on_the_process()
    {
        // String hash codes are randomised per process, so an in-process comparison alone would not catch
        // e.g. a dictionary page ordered by hash. These hashes pin the exact bytes for pinned CsvHelper 34.0.0 and
        // Parquet.Net 6.1.0; a deliberate format or library change must update them.
        var rows = SampleRows();
        await TidySeriesWriter.WriteAsync(_dir, "golden", rows, rowGroupSize: 50);
        string csvHash = Sha256(Path.Combine(_dir, "golden.csv"));
        string parquetHash = Sha256(Path.Combine(_dir, "golden.parquet"));
        output.WriteLine($"csv {csvHash}\nparquet {parquetHash}");
        Assert.Equal(GoldenCsvSha256, csvHash);
        Assert.Equal(GoldenParquetSha256, parquetHash);
    }

    private const string GoldenCsvSha256 = "786dc8f47735aa87f77d635e183ec61db99786c6bedd6e0eac68f7ea8f7c7c18";
    private const string GoldenParquetSha256 = "40de67aac1b7fcfd5dcc0ed56126e879e00fd5a3fae97892498b193110802da5";

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Csv_has_exact_header_lf_endings_no_bom_and_reads_back_exactly()
    {
        var rows = SampleRows();
        await TidySeriesWriter.WriteAsync(_dir, "monthly", rows);
        string path = Path.Combine(_dir, "monthly.csv");

        byte[] bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
        Assert.DoesNotContain((byte)'\r', bytes);
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("entity,period,metric,value,unit\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Contains("\n\"park \"\"north\"\", A\",2023-01,", text, StringComparison.Ordinal);

        List<TidyRow> back = ReadCsv(path);
        Assert.Equal(rows.Count, back.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Entity, back[i].Entity);
            Assert.Equal(rows[i].Period, back[i].Period);
            Assert.Equal(rows[i].Metric, back[i].Metric);
            Assert.Equal(rows[i].Unit, back[i].Unit);
            AssertBitsEqual(rows[i].Value, back[i].Value);
        }
    }

    [Fact]
    public async Task Csv_values_are_the_invariant_shortest_round_trip_text()
    {
        var rows = AwkwardValues.Select((v, i) => new TidyRow("e", "2023-01", "m" + i, v, "u")).ToList();
        await TidySeriesWriter.WriteAsync(_dir, "values", rows);
        string[] lines = File.ReadAllText(Path.Combine(_dir, "values.csv")).Split('\n');
        for (int i = 0; i < rows.Count; i++)
            Assert.Equal($"e,2023-01,m{i},{rows[i].Value.ToString("R", CultureInfo.InvariantCulture)},u", lines[i + 1]);
        Assert.Contains("e,2023-01,m0,0.30000000000000004,u", lines);
        Assert.Contains("e,2023-01,m1,1E-300,u", lines);
        Assert.Contains("e,2023-01,m2,123456789.12345679,u", lines);
    }

    [Fact]
    public async Task Parquet_reads_back_exactly_across_row_groups()
    {
        var rows = SampleRows(); // 216 rows
        await TidySeriesWriter.WriteAsync(_dir, "monthly", rows, rowGroupSize: 100);
        string path = Path.Combine(_dir, "monthly.parquet");

        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(3, reader.RowGroupCount);
        DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal(["entity", "period", "metric", "value", "unit"], fields.Select(f => f.Name));
        Assert.Equal(typeof(double), fields[3].ClrType); // Parquet.Net 6 reports string columns as ReadOnlyMemory<char>
        Assert.All(fields, f => Assert.False(f.IsNullable));

        List<TidyRow> back = await ReadParquet(path);
        Assert.Equal(rows.Count, back.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i] with { Value = 0 }, back[i] with { Value = 0 });
            AssertBitsEqual(rows[i].Value, back[i].Value);
        }
    }

    [Fact]
    public async Task Parquet_dictionary_encodes_the_repeated_string_columns()
    {
        var rows = Enumerable.Range(0, 50_000).Select(i => new TidyRow($"ent-{i % 500:0000}", $"2023-{i % 12 + 1:00}", "m" + (i % 15), i * 0.5, "MWh"));
        await TidySeriesWriter.WriteAsync(_dir, "dict", rows);
        await using ParquetReader reader = await ParquetReader.CreateAsync(Path.Combine(_dir, "dict.parquet"));
        using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        DataField[] fields = reader.Schema.GetDataFields();
        // Parquet.Net 6.1 leaves DictionaryPageOffset unset; the column's encodings say whether it is dictionary encoded.
        static bool IsDictionary(ParquetRowGroupReader g, DataField f) =>
            g.GetMetadata(f)!.MetaData!.Encodings!.Any(e => e is Parquet.Meta.Encoding.PLAIN_DICTIONARY or Parquet.Meta.Encoding.RLE_DICTIONARY);
        Assert.All(fields.Where(f => f.Name != "value"), f => Assert.True(IsDictionary(group, f), f.Name));
        Assert.False(IsDictionary(group, fields[3]));
    }

    [Fact]
    public async Task Negative_zero_is_written_as_positive_zero()
    {
        await TidySeriesWriter.WriteAsync(_dir, "zero", [new TidyRow("e", "2023-01", "m", -0.0, "u")]);
        Assert.Equal("entity,period,metric,value,unit\ne,2023-01,m,0,u\n", File.ReadAllText(Path.Combine(_dir, "zero.csv")));
        TidyRow back = Assert.Single(await ReadParquet(Path.Combine(_dir, "zero.parquet")));
        Assert.False(double.IsNegative(back.Value));
    }

    [Fact]
    public async Task Zero_rows_give_a_header_only_csv_and_an_empty_parquet()
    {
        Assert.Equal(0, await TidySeriesWriter.WriteAsync(_dir, "empty", []));
        Assert.Equal("entity,period,metric,value,unit\n", File.ReadAllText(Path.Combine(_dir, "empty.csv")));
        Assert.Empty(await ReadParquet(Path.Combine(_dir, "empty.parquet")));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public async Task Non_finite_values_are_rejected_naming_entity_and_metric_and_leave_no_files(double bad)
    {
        var rows = SampleRows();
        rows.Insert(40, new TidyRow("ent-0099", "2023-05", "steam", bad, "t"));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => TidySeriesWriter.WriteAsync(_dir, "bad", rows));
        Assert.Contains("ent-0099", ex.Message, StringComparison.Ordinal);
        Assert.Contains("steam", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Cancellation_mid_stream_leaves_no_files()
    {
        using var cts = new CancellationTokenSource();
        IEnumerable<TidyRow> Rows()
        {
            foreach (TidyRow row in SampleRows())
            {
                if (row.Entity == "Ünïcødé-园区")
                    cts.Cancel();
                yield return row;
            }
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TidySeriesWriter.WriteAsync(_dir, "cancelled", Rows(), rowGroupSize: 10, cts.Token));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Null_strings_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => TidySeriesWriter.WriteAsync(_dir, "bad", [default(TidyRow)]));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Two_million_rows_are_written_and_read_back()
    {
        const int entities = 20_000, months = 10, metrics = 10; // 2,000,000 rows, streamed
        string[] entityIds = Enumerable.Range(0, entities).Select(i => $"ent-{i:00000}").ToArray();
        string[] periods = Enumerable.Range(1, months).Select(m => $"2023-{m:00}").ToArray();
        string[] metricNames = Enumerable.Range(0, metrics).Select(m => $"metric-{m:00}").ToArray();
        IEnumerable<TidyRow> Rows()
        {
            for (int e = 0; e < entities; e++)
                for (int p = 0; p < months; p++)
                    for (int m = 0; m < metrics; m++)
                        yield return new TidyRow(entityIds[e], periods[p], metricNames[m], (e + 1) * 1.1 + p * 0.01 + m / 7.0, "MWh");
        }

        var watch = Stopwatch.StartNew();
        long written = await TidySeriesWriter.WriteAsync(_dir, "big", Rows());
        watch.Stop();
        output.WriteLine($"wrote {written:N0} rows in {watch.Elapsed.TotalSeconds:F2} s; csv {new FileInfo(Path.Combine(_dir, "big.csv")).Length:N0} B, parquet {new FileInfo(Path.Combine(_dir, "big.parquet")).Length:N0} B");
        Assert.Equal(2_000_000, written);

        long csvRows = 0;
        using (CsvReader csv = CsvReader.FromFile(Path.Combine(_dir, "big.csv")))
            while (csv.Read())
                csvRows++;
        Assert.Equal(2_000_000, csvRows);

        await using ParquetReader reader = await ParquetReader.CreateAsync(Path.Combine(_dir, "big.parquet"));
        Assert.Equal(2, reader.RowGroupCount);
        Assert.Equal(2_000_000, reader.RowGroups.Sum(g => g.RowCount));
    }

    private static void AssertBitsEqual(double expected, double actual)
    {
        // Negative zero is normalised to +0 on write (documented in docs/outputs.md).
        double normalised = expected == 0.0 ? 0.0 : expected;
        Assert.Equal(BitConverter.DoubleToInt64Bits(normalised), BitConverter.DoubleToInt64Bits(actual));
    }

    private static List<TidyRow> ReadCsv(string path)
    {
        var rows = new List<TidyRow>();
        using CsvReader csv = CsvReader.FromFile(path);
        csv.ReadHeader();
        Assert.Equal(["entity", "period", "metric", "value", "unit"], csv.Headers);
        while (csv.Read())
            rows.Add(new TidyRow(csv.GetString(0), csv.GetString(1), csv.GetString(2), csv.Parse<double>(3), csv.GetString(4)));
        return rows;
    }

    private static async Task<List<TidyRow>> ReadParquet(string path)
    {
        var rows = new List<TidyRow>();
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        DataField[] f = reader.Schema.GetDataFields();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            string?[] entity = new string?[n], period = new string?[n], metric = new string?[n], unit = new string?[n];
            double[] value = new double[n];
            await group.ReadAsync(f[0], entity.AsMemory());
            await group.ReadAsync(f[1], period.AsMemory());
            await group.ReadAsync(f[2], metric.AsMemory());
            await group.ReadAsync<double>(f[3], value.AsMemory());
            await group.ReadAsync(f[4], unit.AsMemory());
            for (int i = 0; i < n; i++)
                rows.Add(new TidyRow(entity[i]!, period[i]!, metric[i]!, value[i], unit[i]!));
        }
        return rows;
    }
}
