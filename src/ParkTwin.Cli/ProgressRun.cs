using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using Spectre.Console;

namespace ParkTwin.Cli;

/// <summary>One simulated year behind a progress bar (simulated date, elapsed, ETA); LastDate is set when Ctrl-C stopped it.</summary>
static class ProgressRun
{
    public static async Task<(RunBooks Books, string? LastDate)> RunAsync(IProvinceEngine engine, TickLength tick, string label,
        CancellationToken cancel, RunRecovery? recovery, bool resume, Action<string>? log, MarketStage? markets)
    {
        var model = engine.Model;
        var calendar = TwinFactory.Calendar(model.Settings.Year);
        var what = $"{label}{model.Parks.Length} parks, {model.EnterpriseCount} enterprises";
        RunBooks books = null!;
        string? lastDate = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{what}: setting up", maxValue: 1);
                books = await SimulationLoop.RunAsync(engine, tick, (window, count) =>
                {
                    task.MaxValue = count;
                    task.Value = window.Tick + 1;
                    task.Description = $"{what}: {calendar.TimeOf(window.StartHour):yyyy-MM-dd}";
                    Interruption.AfterTick();
                }, cancel, recovery, resume, log, markets, interrupted: last => lastDate = Interruption.LastDate(calendar, last));
            });
        return (books, lastDate);
    }
}
