namespace ParkTwin.Domain.Twin;

// Plain records of everything a twin needs to continue exactly where it stopped. A snapshot is taken after a tick
// (its Tick); restoring it and stepping on gives the same books, bit for bit, as never having stopped. Plans are
// left out on purpose: a plan is a pure function of (seed, entity, hours), so it is recomputed after a restore.
// Ledgers are stored up to their last non-zero month only (Trimmed), which halves a checkpoint on average.

/// <summary>An enterprise after <see cref="Tick"/>: its monthly hourly sums, its ledger and the last row it answered with.</summary>
public sealed record EnterpriseSnapshot(int Tick, double[] Drivers, double[] Ledger, double[] LastRow, double[]? GreenShares = null);

/// <summary>An asset after <see cref="Tick"/>: monthly sums, ledger, storage state of charge, and its last output.</summary>
public sealed record AssetSnapshot(int Tick, double[] Sums, double[] Ledger, double StateOfChargeMWh,
    double[] LastElectricity, double[] LastHeat, double[] LastRow);

/// <summary>A park after <see cref="Tick"/>: ledger, last row, exports by month and the last row of each asset.</summary>
public sealed record ParkSnapshot(int Tick, double[] Ledger, double[] LastRow, double[] ExportedByMonth, double[][] AssetRows);

/// <summary>The province after <see cref="Tick"/>: the parks' and the grid's ledgers and last totals.</summary>
public sealed record ProvinceSnapshot(int Tick, double[] Parks, double[] Grid, double[] LastParks, double[] LastGrid, double[]?[]? SoldShares = null,
    GreenContract[]? Contracts = null);

/// <summary>Helpers to store a [month × metric] ledger without its trailing empty months.</summary>
public static class LedgerSnapshot
{
    /// <summary>The ledger's values up to the end of its last month with any non-zero value.</summary>
    public static double[] Trimmed(MonthlyLedger ledger)
    {
        var values = ledger.Values;
        var last = Array.FindLastIndex(values, v => v != 0 || double.IsNaN(v));
        var months = last < 0 ? 0 : last / Metric.Count + 1;
        return values.AsSpan(0, months * Metric.Count).ToArray();
    }

    /// <summary>Writes a trimmed ledger back, zeroing the months it does not hold.</summary>
    public static void Restore(MonthlyLedger ledger, double[] trimmed)
    {
        if (trimmed.Length > ledger.Values.Length || trimmed.Length % Metric.Count != 0)
            throw new ArgumentException($"a ledger snapshot holds whole months of {Metric.Count} values, not {trimmed.Length} values");
        Array.Clear(ledger.Values);
        trimmed.CopyTo(ledger.Values, 0);
    }
}
