using System.Diagnostics;

namespace ParkTwin.Cli.Tests;

/// <summary>Runs the built parktwin.dll (copied next to the tests) as a separate process, as a user would.</summary>
static class ParktwinProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parktwin.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"parktwin {string.Join(' ', args)} did not finish in 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Writes the text to a fresh temporary file and runs <c>parktwin account FILE</c>.</summary>
    public static Result Account(string json, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"parktwin-account-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try { return Run(["account", file, .. options]); }
        finally { File.Delete(file); }
    }
}
