using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Tests.Time;

public sealed class YearCalendarTests
{
    [Fact]
    public void A_common_year_has_8760_hours_and_a_leap_year_8784()
    {
        // 365 × 24 = 8760; 366 × 24 = 8784.
        Assert.Equal(8760, new YearCalendar(2023).Hours);
        Assert.Equal(365, new YearCalendar(2023).Days);
        Assert.Equal(8784, new YearCalendar(2024).Hours);
        Assert.Equal(366, new YearCalendar(2024).Days);
    }

    [Fact]
    public void Month_start_hours_count_the_days_of_the_months_before()
    {
        var y2023 = new YearCalendar(2023);
        // Jan 31 d → Feb starts at 31 × 24 = 744; Jan + Feb = 59 d → March at 59 × 24 = 1416;
        // Jan..Jul = 31+28+31+30+31+30+31 = 212 d → August at 5088; Jan..Nov = 334 d → December at 8016.
        Assert.Equal(0, y2023.MonthStartHour[0]);
        Assert.Equal(744, y2023.MonthStartHour[1]);
        Assert.Equal(1416, y2023.MonthStartHour[2]);
        Assert.Equal(5088, y2023.MonthStartHour[7]);
        Assert.Equal(8016, y2023.MonthStartHour[11]);
        Assert.Equal(8760, y2023.MonthStartHour[12]);
        // 2024: Jan + Feb = 31 + 29 = 60 d → March at 1440.
        Assert.Equal(1440, new YearCalendar(2024).MonthStartHour[2]);
    }

    [Fact]
    public void Hours_map_to_their_month_and_weekday()
    {
        var c = new YearCalendar(2023);
        Assert.Equal(1, c.MonthOf(1415));   // last hour of 28 February
        Assert.Equal(2, c.MonthOf(1416));   // first hour of 1 March
        Assert.Equal(11, c.MonthOf(8759));
        // 1 January 2023 was a Sunday; 1 March 2023 (day 59 = 8 weeks + 3 days later) a Wednesday.
        Assert.Equal(DayOfWeek.Sunday, c.WeekdayOf(0));
        Assert.Equal(DayOfWeek.Wednesday, c.WeekdayOf(1416));
    }

    [Fact]
    public void Day_ticks_are_365_windows_of_24_hours_inside_one_month()
    {
        var c = new YearCalendar(2023);
        var ticks = c.Ticks(TickLength.Day);
        Assert.Equal(365, ticks.Count);
        for (var i = 0; i < ticks.Count; i++)
        {
            Assert.Equal(i, ticks[i].Tick);
            Assert.Equal(i * 24, ticks[i].StartHour);
            Assert.Equal(24, ticks[i].Hours);
            Assert.Equal(c.MonthOf(ticks[i].StartHour), c.MonthOf(ticks[i].EndHour - 1));
        }
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Week_ticks_never_straddle_a_month_and_cover_every_hour_once(int year)
    {
        var c = new YearCalendar(year);
        var ticks = c.Ticks(TickLength.Week);
        var seen = new int[c.Hours];
        for (var i = 0; i < ticks.Count; i++)
        {
            var t = ticks[i];
            Assert.Equal(i, t.Tick);
            Assert.InRange(t.Hours, 1, 168);
            Assert.Equal(c.MonthOf(t.StartHour), c.MonthOf(t.EndHour - 1));
            for (var h = t.StartHour; h < t.EndHour; h++) seen[h]++;
        }
        Assert.All(seen, n => Assert.Equal(1, n));
        // Each month splits into ceil(days / 7) weeks: 2023 has 28-day February → 4, every other month 5: 4 + 11 × 5 = 59.
        // 2024's February has 29 days → 5: 12 × 5 = 60.
        Assert.Equal(year == 2023 ? 59 : 60, ticks.Count);
    }

    [Fact]
    public void Week_ticks_restart_at_the_first_of_each_month()
    {
        var ticks = new YearCalendar(2023).Ticks(TickLength.Week);
        // January: 4 full weeks (hours 0..671) then 3 days = 72 h from hour 672; February begins at 744.
        Assert.Equal(new TickWindow(4, 672, 72), ticks[4]);
        Assert.Equal(new TickWindow(5, 744, 168), ticks[5]);
    }

    [Fact]
    public void Month_ticks_are_the_12_months()
    {
        var ticks = new YearCalendar(2023).Ticks(TickLength.Month);
        Assert.Equal(12, ticks.Count);
        Assert.Equal(new TickWindow(0, 0, 744), ticks[0]);
        Assert.Equal(new TickWindow(1, 744, 672), ticks[1]);     // 28 × 24
        Assert.Equal(new TickWindow(11, 8016, 744), ticks[11]);
    }
}
