using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>How the province reaches its parks and grid plants: directly in the flat kernel, through grain calls in the twin.</summary>
public interface IProvinceMembers
{
    /// <param name="bilateral">Per enterprise of the park with a bilateral contract, its contracted green power hour by hour.</param>
    ValueTask<double[]> StepParkAsync(int park, TickWindow window, TickWindow? next, double[] greenPool, Dictionary<string, double[]> bilateral);
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
        // Plants first: the green generation they sold this month is the pool the parks' buyers draw on.
        var plantRows = await FanOut.RunAsync(Enumerable.Range(0, gridAssets).ToArray(), fanOut, a => members.StepGridAssetAsync(a, window));
        var month = calendar.MonthOf(window.StartHour);
        var pool = GreenPool(month, plantRows, window.Hours);
        var bilateral = Bilateral(plantRows, window.Hours);
        var parkRows = await FanOut.RunAsync(Enumerable.Range(0, parks).ToArray(), fanOut, p => members.StepParkAsync(p, window, next, pool, bilateral[p]));
        // Every member answers with its month-to-date row, so these sums are the month to date too.
        var parkTotal = Sum(parkRows);
        var gridTotal = Sum(plantRows.Select(o => o.Row));
        Parks.Set(month, parkTotal);
        Grid.Set(month, gridTotal);
        LastTick = window.Tick;
        last = (parkTotal, gridTotal);
        return last;
    }


    public ProvinceSnapshot Snapshot() => new(LastTick, LedgerSnapshot.Trimmed(Parks), LedgerSnapshot.Trimmed(Grid),
        (double[])last.Parks.Clone(), (double[])last.Grid.Clone(), soldShares.Select(s => s?.ToArray()).ToArray(), contracts.ToArray());

    public void Restore(ProvinceSnapshot snapshot)
    {
        LedgerSnapshot.Restore(Parks, snapshot.Parks);
        LedgerSnapshot.Restore(Grid, snapshot.Grid);
        last = ((double[])snapshot.LastParks.Clone(), (double[])snapshot.LastGrid.Clone());
        LastTick = snapshot.Tick;
        if (snapshot.SoldShares is { } sold)
            for (var m = 0; m < 12; m++) soldShares[m] = sold[m]?.ToArray();
        contracts = snapshot.Contracts?.ToArray() ?? [];
    }

    /// <summary>Per month, the share of each grid plant's generation sold in the green-power market (empty: none sold).</summary>
    readonly double[]?[] soldShares = new double[12][];

    /// <summary>Records the green-power market's result: the share of each plant's generation sold for the month.</summary>
    public void SellGreenPower(int month, double[] shareByPlant)
    {
        if (shareByPlant.Length != gridAssets) throw new ArgumentException($"{shareByPlant.Length} shares for {gridAssets} grid plants");
        if (shareByPlant.Any(s => !double.IsFinite(s) || s < 0 || s > 1)) throw new ArgumentOutOfRangeException(nameof(shareByPlant), "a share lies between 0 and 1");
        soldShares[month] = (double[])shareByPlant.Clone();
    }

    public double[]? SoldShares(int month) => soldShares[month];

    GreenContract[] contracts = [];

    /// <summary>Bilateral contracts for the year: as-produced shares of grid plants delivered to enterprises.</summary>
    public void SignContracts(GreenContract[] signed)
    {
        foreach (var c in signed)
        {
            if (c.Plant < 0 || c.Plant >= gridAssets || c.Park < 0 || c.Park >= parks) throw new ArgumentOutOfRangeException(nameof(signed), $"contract {c.Id} names no plant or park of this province");
            if (!double.IsFinite(c.Share) || c.Share <= 0 || c.Share > 1) throw new ArgumentOutOfRangeException(nameof(signed), $"contract {c.Id}: a share lies in (0, 1]");
        }
        contracts = signed.ToArray();
    }

    public IReadOnlyList<GreenContract> Contracts => contracts;

    /// <summary>Per park, each contracted enterprise's share of its plants' generation this tick (summed over its contracts, in order).</summary>
    Dictionary<string, double[]>[] Bilateral(AssetOutput[] plants, int hours)
    {
        var byPark = Enumerable.Range(0, parks).Select(_ => new Dictionary<string, double[]>(StringComparer.Ordinal)).ToArray();
        foreach (var c in contracts)
        {
            if (!byPark[c.Park].TryGetValue(c.Enterprise, out var vector)) byPark[c.Park][c.Enterprise] = vector = new double[hours];
            for (var h = 0; h < hours; h++) vector[h] += Quantum.Round(c.Share * plants[c.Plant].Electricity[h]);
        }
        return byPark;
    }

    double[] GreenPool(int month, AssetOutput[] plants, int hours)
    {
        if (soldShares[month] is not { } shares) return [];
        var pool = new double[hours];
        for (var a = 0; a < plants.Length; a++)
            if (shares[a] > 0)
                for (var h = 0; h < hours; h++) pool[h] += Quantum.Round(shares[a] * plants[a].Electricity[h]);
        return pool;
    }

    static double[] Sum(IEnumerable<double[]> rows)
    {
        var total = new double[Metric.Count];
        foreach (var row in rows)
            for (var i = 0; i < Metric.Count; i++) total[i] += row[i];
        return total;
    }
}
