namespace ParkTwin.Domain.Factors;

/// <summary>
/// Values published per year (grid factors, coal equivalents). Factors come out a year or two late, so a run
/// for year Y uses the newest entry not after Y, and the oldest entry when Y precedes them all.
/// </summary>
public sealed class YearSeries
{
    readonly int[] years;
    readonly double[] values;

    public YearSeries(IEnumerable<KeyValuePair<int, double>> entries)
    {
        var sorted = entries.OrderBy(e => e.Key).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("a year series needs at least one entry", nameof(entries));
        if (sorted.Select(e => e.Key).Distinct().Count() != sorted.Length) throw new ArgumentException("a year appears twice", nameof(entries));
        years = sorted.Select(e => e.Key).ToArray();
        values = sorted.Select(e => e.Value).ToArray();
    }

    public IReadOnlyList<int> Years => years;

    public int NewestYear => years[^1];

    public double At(int year)
    {
        var i = Array.BinarySearch(years, year);
        if (i >= 0) return values[i];
        var before = ~i - 1; // index of the newest entry before year, -1 if none
        return values[Math.Max(before, 0)];
    }

    /// <summary>A copy with the value for one year set (added or replaced).</summary>
    public YearSeries With(int year, double value)
    {
        var entries = years.Zip(values, KeyValuePair.Create).Where(e => e.Key != year).Append(KeyValuePair.Create(year, value));
        return new YearSeries(entries);
    }
}
