namespace ParkTwin.Domain.Time;

/// <summary>The hours of one calendar year (8,760 or 8,784), with the month, weekday and day of each hour precomputed.</summary>
public sealed class YearCalendar
{
    readonly byte[] monthOfHour;
    readonly byte[] weekdayOfHour;

    public YearCalendar(int year)
    {
        if (year is < 1900 or > 2200) throw new ArgumentOutOfRangeException(nameof(year), year, "year must lie between 1900 and 2200");
        Year = year;
        Days = DateTime.IsLeapYear(year) ? 366 : 365;
        Hours = Days * 24;
        monthOfHour = new byte[Hours];
        weekdayOfHour = new byte[Hours];
        MonthStartHour = new int[13];
        var start = new DateTime(year, 1, 1);
        for (var d = 0; d < Days; d++)
        {
            var date = start.AddDays(d);
            if (date.Day == 1) MonthStartHour[date.Month - 1] = d * 24;
            for (var h = 0; h < 24; h++)
            {
                monthOfHour[d * 24 + h] = (byte)(date.Month - 1);
                weekdayOfHour[d * 24 + h] = (byte)date.DayOfWeek;
            }
        }
        MonthStartHour[12] = Hours;
    }

    public int Year { get; }
    public int Days { get; }
    public int Hours { get; }

    /// <summary>The first hour of a day, clamped to the year: 0 for a day before it, <see cref="Hours"/> for one after it.</summary>
    public int HourOf(DateOnly day) => Math.Clamp((day.DayNumber - new DateOnly(Year, 1, 1).DayNumber) * 24, 0, Hours);

    /// <summary>First hour of each month (0-based months), with [12] = Hours.</summary>
    public int[] MonthStartHour { get; }

    /// <summary>0-based month (0 = January) of an hour of the year.</summary>
    public int MonthOf(int hour) => monthOfHour[hour];

    public DayOfWeek WeekdayOf(int hour) => (DayOfWeek)weekdayOfHour[hour];

    public static int DayOf(int hour) => hour / 24;

    public static int HourOfDay(int hour) => hour % 24;

    public DateTime TimeOf(int hour) => new DateTime(Year, 1, 1).AddHours(hour);

    /// <summary>The ticks of the year; ticks never straddle a month, so monthly books close on a tick boundary.</summary>
    public IReadOnlyList<TickWindow> Ticks(TickLength length)
    {
        var ticks = new List<TickWindow>();
        for (var m = 0; m < 12; m++)
        {
            var step = length switch
            {
                TickLength.Day => 24,
                TickLength.Week => 24 * 7,
                _ => MonthStartHour[m + 1] - MonthStartHour[m],
            };
            for (var h = MonthStartHour[m]; h < MonthStartHour[m + 1]; h += step)
                ticks.Add(new TickWindow(ticks.Count, h, Math.Min(step, MonthStartHour[m + 1] - h)));
        }
        return ticks;
    }
}
