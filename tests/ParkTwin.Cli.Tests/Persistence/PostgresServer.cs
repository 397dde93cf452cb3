using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>
/// A real PostgreSQL 15 for the tests: initdb into a temporary directory, started on 127.0.0.1 at a free port,
/// stopped and deleted when the tests are done. Where the binaries are missing it tries to install them once
/// (apt-get, as root) and otherwise fails with a message saying how: these tests never silently skip.
/// PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user the package creates.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Password = "parktwin-test";
    static readonly string[] BinDirectories = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

    string directory = "";
    string bin = "";
    int port;
    int databases;

    public string Admin => Connection("postgres");

    public async Task InitializeAsync()
    {
        bin = FindOrInstallBinaries();
        directory = Path.Combine(Path.GetTempPath(), $"parktwin-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var pwfile = Path.Combine(directory, "pw");
        await File.WriteAllTextAsync(pwfile, Password);
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null) Run("chown", ["-R", asUser, directory], null);
        port = FreePort();
        var data = Path.Combine(directory, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", $"--pwfile={pwfile}", "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-sync"], asUser);
        // fsync off: a test database need not survive a power cut, and the tests write many small transactions.
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off"], asUser);
    }

    /// <summary>A new, empty database (each test gets its own).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..20];
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return Connection(name);
    }

    public string Connection(string database, string password = Password) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database={database}";

    public int Port => port;

    public Task DisposeAsync()
    {
        try
        {
            if (bin.Length > 0 && Directory.Exists(Path.Combine(directory, "data")))
                Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"],
                    Environment.UserName == "root" ? "postgres" : null);
        }
        finally
        {
            if (directory.Length > 0 && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    static string FindOrInstallBinaries()
    {
        var found = BinDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        if (found is not null) return found;
        if (Environment.UserName == "root")
        {
            // One attempt; its output goes to the test log if it fails.
            try { Run("apt-get", ["install", "-y", "postgresql-15"], null, TimeSpan.FromMinutes(5)); }
            catch (Exception e) { Console.Error.WriteLine($"apt-get install postgresql-15 failed: {e.Message}"); }
            found = BinDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
            if (found is not null) return found;
        }
        throw new InvalidOperationException(
            "The PostgreSQL tests need the PostgreSQL 15 server binaries (initdb, pg_ctl) in /usr/lib/postgresql/15/bin. " +
            "Install them with: sudo apt-get update && sudo apt-get install -y postgresql-15");
    }

    static void Run(string file, string[] args, string? asUser, TimeSpan? timeout = null)
    {
        var start = asUser is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser");
        if (asUser is not null) { start.ArgumentList.Add("-u"); start.ArgumentList.Add(asUser); start.ArgumentList.Add("--"); start.ArgumentList.Add(file); }
        foreach (var a in args) start.ArgumentList.Add(a);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
