using System.Collections.Concurrent;
using System.Diagnostics;

namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>
/// A parktwin process running in the background (a silo, or a simulation to be killed): its output lines as they
/// come, and a kill that always happens (Dispose), so that no test leaves a process behind.
/// </summary>
sealed class RunningParktwin : IDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> lines = new();
    readonly System.Text.StringBuilder all = new();

    public RunningParktwin(params string[] args)
    {
        process = Process.Start(ParktwinProcess.StartInfo(args))!;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    void Add(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        lock (all) all.AppendLine(line);
    }

    public string Output { get { lock (all) return all.ToString(); } }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Waits until a line contains <paramref name="text"/>; fails with the output so far if it does not come.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited && !lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
                throw new InvalidOperationException($"parktwin exited ({process.ExitCode}) before printing '{text}':\n{Output}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"no line with '{text}' within {timeout.TotalSeconds:F0} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"parktwin did not finish within {timeout.TotalSeconds:F0} s:\n{Output}"); }
        process.WaitForExit(); // flushes the output handlers
        return process.ExitCode;
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try { KillHard(); } catch (InvalidOperationException) { }
        process.Dispose();
    }
}
