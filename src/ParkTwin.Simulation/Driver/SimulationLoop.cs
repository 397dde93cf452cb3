using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Driver;

/// <summary>Steps an engine through the ticks of its year, telling the caller after each tick.</summary>
public static class SimulationLoop
{
    public static async Task<RunBooks> RunAsync(IProvinceEngine engine, TickLength tick, Action<TickWindow, int>? afterTick = null,
        CancellationToken cancel = default)
    {
        var ticks = TwinFactory.Calendar(engine.Model.Settings.Year).Ticks(tick);
        await engine.SetupAsync();
        for (var i = 0; i < ticks.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            await engine.StepAsync(ticks[i], i + 1 < ticks.Count ? ticks[i + 1] : null);
            afterTick?.Invoke(ticks[i], ticks.Count);
        }
        return await engine.BooksAsync();
    }
}
