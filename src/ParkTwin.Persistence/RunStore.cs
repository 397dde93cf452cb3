using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ParkTwin.Domain;

namespace ParkTwin.Persistence;

/// <summary>What a simulation run was asked for, kept in <c>parktwin_runs</c> so that another process can resume it.</summary>
public sealed record RunRequest(string RunId, string? Inventory, int Seed, double Scale, int Year, string Tick,
    string ElectricityMethod, string Output, int CheckpointEvery, string Markets = "default");

public sealed class RunStore(string connectionString)
{
    public async Task SaveAsync(RunRequest request, CancellationToken cancel = default)
    {
        await using var connection = await PgConnection.OpenAsync(connectionString, cancel);
        await using var command = new NpgsqlCommand(
            "INSERT INTO parktwin_runs (run_id, request) VALUES ($1, $2) ON CONFLICT (run_id) DO UPDATE SET request = EXCLUDED.request", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = request.RunId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(request), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancel);
    }

    public async Task<RunRequest> LoadAsync(string runId, CancellationToken cancel = default)
    {
        await using var connection = await PgConnection.OpenAsync(connectionString, cancel);
        await using var command = new NpgsqlCommand("SELECT request::text FROM parktwin_runs WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        return await command.ExecuteScalarAsync(cancel) is string json
            ? JsonSerializer.Deserialize<RunRequest>(json)!
            : throw new InputException("--resume", $"no run '{runId}' in this database (runs started with --storage postgres are listed in table parktwin_runs)");
    }

    public async Task MarkAsync(string runId, string status, CancellationToken cancel = default)
    {
        await using var connection = await PgConnection.OpenAsync(connectionString, cancel);
        await using var command = new NpgsqlCommand("UPDATE parktwin_runs SET status = $2 WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        await command.ExecuteNonQueryAsync(cancel);
    }
}
