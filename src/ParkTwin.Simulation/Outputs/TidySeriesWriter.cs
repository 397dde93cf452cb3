using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// Writes tidy rows to <c>&lt;directory&gt;/&lt;name&gt;.csv</c> and <c>&lt;directory&gt;/&lt;name&gt;.parquet</c>
/// in one streaming pass. The same rows always give byte-identical files.
/// </summary>
/// <remarks>
/// <para>CSV: header <c>entity,period,metric,value,unit</c>, invariant culture, LF line endings, values in
/// the shortest round-trip form of <see cref="double.ToString(IFormatProvider)"/>, RFC 4180 quoting only where needed.</para>
/// <para>Parquet: required columns entity, period, metric, value, unit (strings UTF-8, value DOUBLE),
/// Snappy-compressed, rows buffered into row groups of at most <see cref="DefaultRowGroupSize"/> rows so memory
/// stays bounded; Parquet.Net dictionary-encodes the repeated string columns.</para>
/// <para>Values: non-finite values (NaN, ±∞) and null strings are rejected with <see cref="ArgumentException"/>;
/// negative zero is written as +0 so that <c>-0</c> never appears in outputs.</para>
/// <para>Both files are written to <c>*.tmp</c> siblings and moved into place only when every row was
/// written, so a failed or cancelled write leaves no partial output (earlier files of the same name are
/// kept in that case).</para>
/// </remarks>
public static class TidySeriesWriter
{
    /// <summary>Rows per Parquet row group unless told otherwise.</summary>
    public const int DefaultRowGroupSize = 1_000_000;

    /// <summary>The CSV header line (without the LF).</summary>
    public const string CsvHeader = "entity,period,metric,value,unit";

    /// <summary>The Parquet schema of tidy files.</summary>
    public static ParquetSchema ParquetSchema { get; } = new(
        new DataField("entity", typeof(string), isNullable: false),
        new DataField("period", typeof(string), isNullable: false),
        new DataField("metric", typeof(string), isNullable: false),
        new DataField("value", typeof(double), isNullable: false),
        new DataField("unit", typeof(string), isNullable: false));

    /// <summary>Writes <paramref name="rows"/> (enumerated exactly once) with the default row-group size.</summary>
    /// <returns>The number of rows written.</returns>
    public static Task<long> WriteAsync(string directory, string name, IEnumerable<TidyRow> rows, CancellationToken ct = default) =>
        WriteAsync(directory, name, rows, DefaultRowGroupSize, ct);

    /// <summary>Writes <paramref name="rows"/> (enumerated exactly once) as CSV and/or Parquet; with neither, nothing is written or enumerated.</summary>
    /// <returns>The number of rows written.</returns>
    public static Task<long> WriteAsync(string directory, string name, IEnumerable<TidyRow> rows, bool csv, bool parquet, CancellationToken ct = default) =>
        csv || parquet ? WriteAsync(directory, name, rows, DefaultRowGroupSize, ct, csv, parquet) : Task.FromResult(0L);

    /// <summary>Writes <paramref name="rows"/> (enumerated exactly once) with Parquet row groups of at most <paramref name="rowGroupSize"/> rows.</summary>
    /// <returns>The number of rows written.</returns>
    public static Task<long> WriteAsync(string directory, string name, IEnumerable<TidyRow> rows, int rowGroupSize, CancellationToken ct = default) =>
        WriteAsync(directory, name, rows, rowGroupSize, ct, csv: true, parquet: true);

    static async Task<long> WriteAsync(string directory, string name, IEnumerable<TidyRow> rows, int rowGroupSize, CancellationToken ct, bool csv, bool parquet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\'))
            throw new ArgumentException($"Output name '{name}' must be a plain file name without directories.", nameof(name));

        Directory.CreateDirectory(directory);
        string csvPath = Path.Combine(directory, name + ".csv");
        string parquetPath = Path.Combine(directory, name + ".parquet");
        string csvTmp = csvPath + ".tmp";
        string parquetTmp = parquetPath + ".tmp";

        long count = 0;
        try
        {
            // A format that is not wanted writes to a null stream (CSV) or not at all (Parquet); its file is not touched.
            await using (var csvStream = csv ? new FileStream(csvTmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true) : Stream.Null)
            await using (var csvWriter = CsvWriter.Create(csvStream, CsvOptions, leaveOpen: true))
            await using (var parquetStream = parquet ? new FileStream(parquetTmp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true) : null)
            {
                await using var parquetWriter = parquetStream is null ? null : await ParquetWriter.CreateAsync(ParquetSchema, parquetStream, ParquetOptions, append: false, ct);
                var batch = new ColumnBatch(Math.Min(rowGroupSize, 64 * 1024), rowGroupSize);

                csvWriter.WriteHeader(CsvColumns);
                foreach (TidyRow row in rows)
                {
                    ct.ThrowIfCancellationRequested();
                    double value = Validate(row);

                    if (csv)
                    {
                        csvWriter.WriteField(row.Entity);
                        csvWriter.WriteField(row.Period);
                        csvWriter.WriteField(row.Metric);
                        WriteValue(csvWriter, value);
                        csvWriter.WriteField(row.Unit);
                        await csvWriter.EndRecordAsync(ct); // completes synchronously unless the 64 KiB buffer is mostly full
                    }

                    count++;
                    if (parquetWriter is null) continue;
                    batch.Add(row, value);
                    if (batch.Count == rowGroupSize)
                        await batch.FlushAsync(parquetWriter, ct);
                }
                if (parquetWriter is not null && batch.Count > 0)
                    await batch.FlushAsync(parquetWriter, ct);
                await csvWriter.FlushAsync(ct);
                // Disposing the Parquet writer writes the footer; the streams are then closed in reverse order.
            }

            if (csv) File.Move(csvTmp, csvPath, overwrite: true);
            if (parquet) File.Move(parquetTmp, parquetPath, overwrite: true);
            return count;
        }
        catch
        {
            TryDelete(csvTmp);
            TryDelete(parquetTmp);
            throw;
        }
    }

    private static readonly string[] CsvColumns = CsvHeader.Split(',');

    private static readonly CsvWriterOptions CsvOptions = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.None,
    };

    private static readonly ParquetOptions ParquetOptions = CreateParquetOptions();

    private static ParquetOptions CreateParquetOptions()
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        // Ask for dictionary encoding of the repeated string columns explicitly rather than relying on the
        // uniqueness heuristic (DictionaryEncodingThreshold), so the encoding does not depend on the data.
        foreach (DataField field in ParquetSchema.GetDataFields())
            if (field.Name != "value")
                options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        return options;
    }

    /// <summary>Writes the value exactly as <c>value.ToString(CultureInfo.InvariantCulture)</c> (shortest round-trip form) without allocating.</summary>
    private static void WriteValue(CsvWriter csv, double value)
    {
        Span<char> buffer = stackalloc char[40];
        if (!value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Unreachable: a double always formats into 40 characters.");
        csv.WriteField(buffer[..written], CsvQuoting.WhenNeeded);
    }

    /// <summary>Checks a row and returns the value to write (negative zero normalised to +0).</summary>
    private static double Validate(in TidyRow row)
    {
        if (row.Entity is null || row.Period is null || row.Metric is null || row.Unit is null)
            throw new ArgumentException(
                $"Tidy row has a null field (entity '{row.Entity}', period '{row.Period}', metric '{row.Metric}', unit '{row.Unit}').", "rows");
        if (!double.IsFinite(row.Value))
            throw new ArgumentException(
                $"Non-finite value {row.Value.ToString(CultureInfo.InvariantCulture)} for entity '{row.Entity}', metric '{row.Metric}', period '{row.Period}'; outputs must be finite.", "rows");
        return row.Value == 0.0 ? 0.0 : row.Value;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Column buffers for one row group; grown on demand up to the row-group size, reused between groups.</summary>
    private sealed class ColumnBatch(int initialCapacity, int maxCapacity)
    {
        private string[] _entity = new string[initialCapacity];
        private string[] _period = new string[initialCapacity];
        private string[] _metric = new string[initialCapacity];
        private double[] _value = new double[initialCapacity];
        private string[] _unit = new string[initialCapacity];

        public int Count { get; private set; }

        public void Add(in TidyRow row, double value)
        {
            if (Count == _value.Length)
                Grow();
            _entity[Count] = row.Entity;
            _period[Count] = row.Period;
            _metric[Count] = row.Metric;
            _value[Count] = value;
            _unit[Count] = row.Unit;
            Count++;
        }

        public async Task FlushAsync(ParquetWriter writer, CancellationToken ct)
        {
            DataField[] fields = ParquetSchema.GetDataFields();
            using (ParquetRowGroupWriter group = writer.CreateRowGroup())
            {
                await group.WriteAsync(fields[0], new ArraySegment<string>(_entity, 0, Count));
                await group.WriteAsync(fields[1], new ArraySegment<string>(_period, 0, Count));
                await group.WriteAsync(fields[2], new ArraySegment<string>(_metric, 0, Count));
                await group.WriteAsync(fields[3], new ReadOnlyMemory<double>(_value, 0, Count), cancellationToken: ct);
                await group.WriteAsync(fields[4], new ArraySegment<string>(_unit, 0, Count));
                group.CompleteValidate();
            }
            Array.Clear(_entity, 0, Count);
            Array.Clear(_period, 0, Count);
            Array.Clear(_metric, 0, Count);
            Array.Clear(_unit, 0, Count);
            Count = 0;
        }

        private void Grow()
        {
            int size = (int)Math.Min((long)maxCapacity, Math.Max(16L, _value.Length * 2L));
            Array.Resize(ref _entity, size);
            Array.Resize(ref _period, size);
            Array.Resize(ref _metric, size);
            Array.Resize(ref _value, size);
            Array.Resize(ref _unit, size);
        }
    }
}
