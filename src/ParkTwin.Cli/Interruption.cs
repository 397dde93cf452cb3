using System.Globalization;
using ParkTwin.Domain.Time;

namespace ParkTwin.Cli;

/// <summary>
/// Ctrl-C during a run: the loop stops at the next tick boundary and what was simulated is written, marked partial
/// (exit 130). For tests, PARKTWIN_INTERRUPT_AFTER_TICKS=N requests the same stop after the process's N-th tick, as
/// Ctrl-C would, through the action's token: at a known point, and also where SIGINT is ignored (a background job).
/// </summary>
static class Interruption
{
    public const string AfterTicksVariable = "PARKTWIN_INTERRUPT_AFTER_TICKS";
    public const int ExitCode = 130;

    static readonly int? AfterTicks = int.TryParse(Environment.GetEnvironmentVariable(AfterTicksVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    static int ticks;
    static readonly CancellationTokenSource AfterTicksReached = new();

    /// <summary>The action's token (cancelled on Ctrl-C) or the test hook's.</summary>
    public static CancellationToken Link(CancellationToken cancel) =>
        AfterTicks is null ? cancel : CancellationTokenSource.CreateLinkedTokenSource(cancel, AfterTicksReached.Token).Token;

    /// <summary>Called after every tick of the process (all years of a scenario).</summary>
    public static void AfterTick()
    {
        if (AfterTicks is { } n && Interlocked.Increment(ref ticks) == n) AfterTicksReached.Cancel();
    }

    /// <summary>The last day simulated: the end of the last tick, or the day before the year when no tick was.</summary>
    public static string LastDate(YearCalendar calendar, TickWindow? last) =>
        (last is { } w ? calendar.TimeOf(w.EndHour - 1) : calendar.TimeOf(0).AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
