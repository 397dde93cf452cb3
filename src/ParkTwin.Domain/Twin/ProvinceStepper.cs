using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>How the province reaches its parks and grid plants: directly in the flat kernel, through grain calls in the twin.</summary>
public interface IProvinceMembers
{
    ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next);
    ValueTask<AssetOutput> StepGridAssetAsync(int asset, TickWindow window);
}

/// <summary>
/// The province's tick: every park and every grid plant once, with bounded fan-out, summed in index order so the
/// totals never depend on which call finished first. Parks' books and the grid's books are kept apart: park
/// totals are the zero-carbon-park boundary, the grid's are the power sector.
/// </summary>
public sealed class ProvinceStepper(int parks, int gridAssets, IProvinceMembers members, int fanOut, YearCalendar calendar)
{
    (double[] Parks, double[] Grid) last = (new double[Metric.Count], new double[Metric.Count]);

    public MonthlyLedger Parks { get; } = new();
    public MonthlyLedger Grid { get; } = new();
    public int LastTick { get; private set; } = -1;

    public async ValueTask<(double[] Parks, double[] Grid)> StepAsync(TickWindow window, TickWindow? next)
    {
        if (window.Tick == LastTick) return last;
        if (window.Tick < LastTick) throw new InvalidOperationException($"the province already stepped tick {LastTick}; tick {window.Tick} comes too late");
        var parkRows = await FanOut.RunAsync(Enumerable.Range(0, parks).ToArray(), fanOut, p => members.StepParkAsync(p, window, next));
        var plantRows = await FanOut.RunAsync(Enumerable.Range(0, gridAssets).ToArray(), fanOut, a => members.StepGridAssetAsync(a, window));
        // Every member answers with its month-to-date row, so these sums are the month to date too.
        var parkTotal = Sum(parkRows);
        var gridTotal = Sum(plantRows.Select(o => o.Row));
        var month = calendar.MonthOf(window.StartHour);
        Parks.Set(month, parkTotal);
        Grid.Set(month, gridTotal);
        LastTick = window.Tick;
        last = (parkTotal, gridTotal);
        return last;
    }


    public ProvinceSnapshot Snapshot() => new(LastTick, LedgerSnapshot.Trimmed(Parks), LedgerSnapshot.Trimmed(Grid),
        (double[])last.Parks.Clone(), (double[])last.Grid.Clone());

    public void Restore(ProvinceSnapshot snapshot)
    {
        LedgerSnapshot.Restore(Parks, snapshot.Parks);
        LedgerSnapshot.Restore(Grid, snapshot.Grid);
        last = ((double[])snapshot.LastParks.Clone(), (double[])snapshot.LastGrid.Clone());
        LastTick = snapshot.Tick;
    }

    static double[] Sum(IEnumerable<double[]> rows)
    {
        var total = new double[Metric.Count];
        foreach (var row in rows)
            for (var i = 0; i < Metric.Count; i++) total[i] += row[i];
        return total;
    }
}
