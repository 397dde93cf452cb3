namespace ParkTwin.Domain.Twin;

// Plain records of everything a twin needs to continue exactly where it stopped. A snapshot is taken after a tick
// (its Tick); restoring it and stepping on gives the same books, bit for bit, as never having stopped. Plans are
// left out on purpose: a plan is a pure function of (seed, entity, hours), so it is recomputed after a restore.
// Enterprises and assets store only their exact monthly sums (up to their last booked month): every booked metric,
// hence their ledger and the last row they answered with, is a pure function of those sums and is recomputed on
// restore by the same code that booked it. Park and province ledgers are stored up to their last non-zero month.

/// <summary>
/// An enterprise after <see cref="Tick"/>: its monthly driver sums up to its last booked month, which months it booked
/// (bit m = month m), the month of its last settled tick (−1: none) and its green-power shares (null: none awarded).
/// </summary>
public sealed record EnterpriseSnapshot(int Tick, double[] Drivers, int BookedMonths, int LastMonth, double[]? GreenShares = null);

/// <summary>
/// An asset after <see cref="Tick"/>: monthly sums up to its last booked month, which months it booked, the month of
/// its last tick, and the storage state of charge. Its last hourly output is not kept: a restored asset steps on.
/// </summary>
public sealed record AssetSnapshot(int Tick, double[] Sums, int BookedMonths, int LastMonth, double StateOfChargeMWh);

/// <summary>A park after <see cref="Tick"/>: ledger, last row, exports by month and the last row of each asset.</summary>
public sealed record ParkSnapshot(int Tick, double[] Ledger, double[] LastRow, double[] ExportedByMonth, double[][] AssetRows);

/// <summary>The province after <see cref="Tick"/>: the parks' and the grid's ledgers and last totals.</summary>
public sealed record ProvinceSnapshot(int Tick, double[] Parks, double[] Grid, double[] LastParks, double[] LastGrid, double[]?[]? SoldShares = null,
    GreenContract[]? Contracts = null);

/// <summary>Helpers to store [month × values] sums without the months after the last booked one.</summary>
public static class MonthSums
{
    /// <summary>The sums of months 0 … (highest booked month); <paramref name="booked"/> has bit m set for each booked month m.</summary>
    public static double[] Trimmed(double[] sums, int width, int booked)
    {
        var months = booked == 0 ? 0 : 32 - int.LeadingZeroCount(booked);
        return sums.AsSpan(0, months * width).ToArray();
    }

    /// <summary>Writes trimmed sums back, zeroing the months they do not hold.</summary>
    public static void Restore(double[] sums, int width, double[] trimmed)
    {
        if (trimmed.Length > sums.Length || trimmed.Length % width != 0)
            throw new ArgumentException($"a snapshot holds whole months of {width} sums, not {trimmed.Length} values");
        Array.Clear(sums);
        trimmed.CopyTo(sums, 0);
    }
}

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
