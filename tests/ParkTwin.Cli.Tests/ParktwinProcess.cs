using System.Diagnostics;

namespace ParkTwin.Cli.Tests;

/// <summary>Runs the built parktwin.dll (copied next to the tests) as a separate process, as a user would.</summary>
static class ParktwinProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWithin(TimeSpan.FromSeconds(60), args);

    public static Result RunWithin(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"parktwin {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:F0} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parktwin.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // A lost call is noticed within seconds in the tests (the default allows a long province tick at scale 1).
        start.Environment["PARKTWIN_CALL_TIMEOUT_SECONDS"] = "30";
        return start;
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
