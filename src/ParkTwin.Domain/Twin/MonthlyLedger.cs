namespace ParkTwin.Domain.Twin;

/// <summary>
/// Monthly totals of every <see cref="Metric"/> for one twin and one year; the year to date is their sum.
/// Flat array [month × metric] so that it copies and persists as one block.
/// </summary>
public sealed class MonthlyLedger
{
    public MonthlyLedger() => Values = new double[12 * Metric.Count];

    public MonthlyLedger(double[] values)
    {
        if (values.Length != 12 * Metric.Count) throw new ArgumentException($"a ledger holds {12 * Metric.Count} values, not {values.Length}");
        Values = values;
    }

    public double[] Values { get; }

    public double this[int month, int metric] => Values[month * Metric.Count + metric];

    /// <summary>Replaces a month's row with its month-to-date values.</summary>
    public void Set(int month, ReadOnlySpan<double> row) => row.CopyTo(Values.AsSpan(month * Metric.Count, Metric.Count));

    public void Add(int month, ReadOnlySpan<double> row)
    {
        var target = Values.AsSpan(month * Metric.Count, Metric.Count);
        for (var i = 0; i < Metric.Count; i++) target[i] += row[i];
    }

    public double YearToDate(int metric)
    {
        var sum = 0.0;
        for (var m = 0; m < 12; m++) sum += Values[m * Metric.Count + metric];
        return sum;
    }

    public double[] YearTotals()
    {
        var totals = new double[Metric.Count];
        for (var m = 0; m < 12; m++) for (var i = 0; i < Metric.Count; i++) totals[i] += Values[m * Metric.Count + i];
        return totals;
    }
}
