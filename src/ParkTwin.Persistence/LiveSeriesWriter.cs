using Npgsql;
using NpgsqlTypes;

namespace ParkTwin.Persistence;

/// <summary>One value of the live world: a meter reading or an hourly figure of one twin.</summary>
public readonly record struct LiveReading(string Twin, string Metric, DateTime At, double Value, string Unit);

/// <summary>
/// Appends live-world time series to <c>live_series</c> with binary COPY: one round trip per batch, no per-row
/// statements, which is what keeps hourly values of thousands of twins cheap to store.
/// </summary>
public sealed class LiveSeriesWriter(string connectionString)
{
    /// <returns>The number of rows written.</returns>
    public async Task<ulong> WriteAsync(IEnumerable<LiveReading> readings, CancellationToken cancel = default)
    {
        await using var connection = await PgConnection.OpenAsync(connectionString, cancel);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY live_series (twin, metric, at, value, unit) FROM STDIN (FORMAT BINARY)", cancel);
        foreach (var r in readings)
        {
            if (r.At.Kind != DateTimeKind.Utc) throw new ArgumentException($"{r.Twin}/{r.Metric}: times must be UTC, got {r.At.Kind}");
            await copy.StartRowAsync(cancel);
            await copy.WriteAsync(r.Twin, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(r.Metric, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz, cancel);
            await copy.WriteAsync(r.Value, NpgsqlDbType.Double, cancel);
            await copy.WriteAsync(r.Unit, NpgsqlDbType.Varchar, cancel);
        }
        return await copy.CompleteAsync(cancel);
    }

    /// <summary>One twin's metric over [from, to), in time order: what the operator API and Grafana read.</summary>
    public async Task<IReadOnlyList<LiveReading>> ReadAsync(string twin, string metric, DateTime from, DateTime to, CancellationToken cancel = default)
    {
        await using var connection = await PgConnection.OpenAsync(connectionString, cancel);
        await using var command = new NpgsqlCommand(
            "SELECT twin, metric, at, value, unit FROM live_series WHERE twin = $1 AND metric = $2 AND at >= $3 AND at < $4 ORDER BY at", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = twin });
        command.Parameters.Add(new NpgsqlParameter { Value = metric });
        command.Parameters.Add(new NpgsqlParameter { Value = from, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var rows = new List<LiveReading>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            rows.Add(new LiveReading(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDouble(3), reader.GetString(4)));
        return rows;
    }
}
