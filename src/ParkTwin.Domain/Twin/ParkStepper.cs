using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// A park's tick: step its assets phase by phase, share its energy, settle its enterprises, close its books.
/// Each enterprise's plan for the next tick comes back with its result, so a tick costs one call per member.
/// Members answer with month-to-date rows, and the park's month is their sum: the books do not depend on the
/// tick length. Repeating a tick returns the booked row and changes nothing.
/// </summary>
public sealed class ParkStepper(ParkLayout layout, RunFactors factors, IParkMembers members, int fanOut)
{
    EnterprisePlan[]? plans;
    int plansTick = -1;
    double[] lastRow = new double[Metric.Count];
    readonly double[] exportedByMonth = new double[12];
    readonly double[][] assetRows = layout.Assets.Select(_ => new double[Metric.Count]).ToArray();

    public ParkLayout Layout => layout;
    public MonthlyLedger Ledger { get; } = new();
    public int LastTick { get; private set; } = -1;

    /// <param name="greenPool">The province's green generation sold in the green-power market, hour by hour (empty: none).</param>
    /// <param name="bilateral">Contracted green power of the park's enterprises with bilateral contracts, by enterprise id.</param>
    public async ValueTask<double[]> StepAsync(TickWindow window, TickWindow? next, int month, double[]? greenPool = null,
        IReadOnlyDictionary<string, double[]>? bilateral = null)
    {
        if (window.Tick == LastTick) return lastRow;
        if (window.Tick < LastTick) throw new InvalidOperationException($"{layout.Park.Id} already stepped tick {LastTick}; tick {window.Tick} comes too late");
        var enterprises = Enumerable.Range(0, layout.Enterprises.Length).ToArray();
        if (plans is null || plansTick != window.Tick)
            plans = await FanOut.RunAsync(enterprises, fanOut, e => members.PlanAsync(e, window));

        var balance = new ParkTickBalance(layout, window, factors);
        for (var e = 0; e < enterprises.Length; e++) balance.SetDemand(e, plans[e].Electricity, plans[e].Heat);
        foreach (var phase in ParkTickBalance.Phases)
        {
            var assets = layout.AssetsIn(phase).ToArray();
            var signals = balance.Signals(assets);
            var outputs = await FanOut.RunAsync(Enumerable.Range(0, assets.Length).ToArray(), fanOut,
                k => members.StepAssetAsync(assets[k], window, signals[k]));
            for (var k = 0; k < assets.Length; k++)
            {
                balance.Add(assets[k], outputs[k]);
                assetRows[assets[k]] = outputs[k].Row;
            }
        }
        var supplies = enterprises.Select(e => balance.SupplyFor(e) with
        {
            GreenPool = greenPool,
            GreenBilateral = bilateral?.GetValueOrDefault(layout.Enterprises[e].Id),
        }).ToArray();
        var results = await FanOut.RunAsync(enterprises, fanOut, e => members.SettleAsync(e, window, supplies[e], next));

        exportedByMonth[month] += balance.Exported();
        var row = ParkTickBalance.MonthRow(layout, results.Select(r => r.Row).ToArray(), assetRows, exportedByMonth[month], factors);
        plans = next is null ? null : results.Select(r => r.Next!).ToArray();
        plansTick = next?.Tick ?? -1;
        Ledger.Set(month, row);
        LastTick = window.Tick;
        lastRow = row;
        return row;
    }

    /// <summary>Everything needed to continue after the last tick; the members keep their own snapshots.</summary>
    public ParkSnapshot Snapshot() => new(LastTick, LedgerSnapshot.Trimmed(Ledger), (double[])lastRow.Clone(),
        (double[])exportedByMonth.Clone(), assetRows.Select(r => (double[])r.Clone()).ToArray());

    /// <summary>Puts the park back where the snapshot was taken; the next tick asks its enterprises for their plans again.</summary>
    public void Restore(ParkSnapshot snapshot)
    {
        if (snapshot.AssetRows.Length != assetRows.Length)
            throw new ArgumentException($"{layout.Park.Id}: snapshot holds {snapshot.AssetRows.Length} assets, the park has {assetRows.Length}");
        LedgerSnapshot.Restore(Ledger, snapshot.Ledger);
        lastRow = (double[])snapshot.LastRow.Clone();
        snapshot.ExportedByMonth.CopyTo(exportedByMonth, 0);
        for (var a = 0; a < assetRows.Length; a++) assetRows[a] = (double[])snapshot.AssetRows[a].Clone();
        plans = null;
        plansTick = -1;
        LastTick = snapshot.Tick;
    }
}
