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
    public static async Task<RunBooks> RunAsync(IProvinceEngine engine, TickLength tick, Action<TickWindow, int>? afterTick = null,
        CancellationToken cancel = default, MarketStage? markets = null)
    {
        var calendar = TwinFactory.Calendar(engine.Model.Settings.Year);
        var ticks = calendar.Ticks(tick);
        await engine.SetupAsync();
        if (markets is not null) await markets.OpenYearAsync();
        for (var i = 0; i < ticks.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var month = calendar.MonthOf(ticks[i].StartHour);
            if (markets is not null && ticks[i].StartHour == calendar.MonthStartHour[month] && await markets.OpenMonthAsync(month) is { } award)
                await engine.AwardGreenPowerAsync(award);
            await engine.StepAsync(ticks[i], i + 1 < ticks.Count ? ticks[i + 1] : null);
            if (markets is not null && ticks[i].EndHour == calendar.MonthStartHour[month + 1]) await markets.CloseMonthAsync(month);
            afterTick?.Invoke(ticks[i], ticks.Count);
        }
        var books = await engine.BooksAsync();
        if (markets is not null) await markets.CloseYearAsync(books);
        return books;
    }
}
