namespace ParkTwin.Domain.Markets;

/// <summary>A calendar month: certificate vintages, the month an operation takes effect, auction sessions.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public bool IsValid => Year is >= 1900 and <= 2200 && Month is >= 1 and <= 12;

    int Index => Year * 12 + (Month - 1);

    public YearMonth AddMonths(int months)
    {
        var index = Index + months;
        return new YearMonth(index / 12, index % 12 + 1);
    }

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
