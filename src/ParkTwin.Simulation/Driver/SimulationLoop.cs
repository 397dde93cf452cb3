using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Driver;

/// <summary>
/// Steps an engine through the ticks of its year, telling the caller after each tick. Markets run at tick
/// boundaries: the green-power auction before a month's first tick, the carbon session after its last, the
/// certificates and compliance after the year.
/// </summary>
public static class SimulationLoop
{
    /// <param name="resume">Continue a run set up earlier (by another driver) from its last complete checkpoint.</param>
    /// <param name="log">Told of checkpoints, failures and roll-backs (default: the recovery's log).</param>
    /// <param name="recovery">When given, cluster failures roll back to the last complete checkpoint and the run goes on.</param>
    /// <param name="interrupted">When given, a cancellation stops the run at the next tick boundary instead of throwing: this is
    /// told the last tick simulated (null when none was) and the books of what was simulated are returned (the year is not closed).</param>
    public static async Task<RunBooks> RunAsync(IProvinceEngine engine, TickLength tick, Action<TickWindow, int>? afterTick = null,
        CancellationToken cancel = default, RunRecovery? recovery = null, bool resume = false, Action<string>? log = null,
        MarketStage? markets = null, Action<TickWindow?>? interrupted = null)
    {
        log ??= recovery?.Log;
        var calendar = TwinFactory.Calendar(engine.Model.Settings.Year);
        var ticks = calendar.Ticks(tick);
        var failures = 0;
        int next;
        if (resume)
        {
            next = await engine.RollBackAsync() + 1;
            log?.Invoke($"resuming after the checkpoint of tick {next - 1}");
        }
        else
        {
            await engine.SetupAsync();
            next = 0;
        }
        if (markets is not null)
        {
            await markets.OpenYearAsync();
            // Signed again after a resume: the same contracts, replacing those the restored province already holds.
            if (markets.Contracts.Length > 0) await engine.SignGreenContractsAsync(markets.Contracts);
        }
        var settings = engine.Model.Settings;
        while (next < ticks.Count)
        {
            if (interrupted is not null && cancel.IsCancellationRequested)
            {
                interrupted(next > 0 ? ticks[next - 1] : null);
                return await engine.BooksAsync();
            }
            cancel.ThrowIfCancellationRequested();
            var month = calendar.MonthOf(ticks[next].StartHour);
            try
            {
                // A month's award is (re)sent before its first tick, also when a roll-back replays it: the market
                // clears once, the twins restored from a checkpoint need it again.
                if (markets is not null && ticks[next].StartHour == calendar.MonthStartHour[month] && await markets.OpenMonthAsync(month) is { } award)
                    await engine.AwardGreenPowerAsync(award);
                await engine.StepAsync(ticks[next], next + 1 < ticks.Count ? ticks[next + 1] : null);
                if (markets is not null && ticks[next].EndHour == calendar.MonthStartHour[month + 1]) await markets.CloseMonthAsync(month);
            }
            catch (Exception e) when (recovery is not null && RunRecovery.IsClusterFailure(e))
            {
                (next, failures) = await RecoverAsync(engine, recovery, e, next, failures, cancel);
                continue;
            }
            if (settings.IsCheckpoint(next)) log?.Invoke($"checkpoint after tick {next} complete");
            afterTick?.Invoke(ticks[next], ticks.Count);
            next++;
        }
        var books = await engine.BooksAsync();
        if (markets is not null) await markets.CloseYearAsync(books);
        return books;
    }

    /// <returns>The tick to continue from, and the attempts used so far in this run (bounded by MaxAttempts in all).</returns>
    static async Task<(int Next, int Attempts)> RecoverAsync(IProvinceEngine engine, RunRecovery recovery, Exception failure, int tick, int failures,
        CancellationToken cancel)
    {
        recovery.Log($"tick {tick} failed ({failure.GetType().Name}: {failure.Message}); rolling back to the last complete checkpoint");
        for (var attempt = failures + 1; ; attempt++)
        {
            if (attempt > recovery.MaxAttempts)
                throw new InvalidOperationException($"the cluster did not recover after {recovery.MaxAttempts} attempts; the run can be resumed later with --resume", failure);
            // Give membership time to declare the dead silo dead, so that its grains are placed elsewhere.
            await Task.Delay(recovery.Delay, cancel);
            try
            {
                var checkpoint = await engine.RollBackAsync();
                recovery.Log($"rolled back to the checkpoint after tick {checkpoint}; continuing from tick {checkpoint + 1}");
                return (checkpoint + 1, attempt);
            }
            catch (Exception e) when (RunRecovery.IsClusterFailure(e))
            {
                recovery.Log($"roll-back attempt {attempt} failed ({e.GetType().Name}: {e.Message}); retrying");
                failure = e;
            }
        }
    }
}
