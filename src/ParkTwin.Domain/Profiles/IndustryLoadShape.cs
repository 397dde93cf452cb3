using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Profiles;

/// <summary>
/// The deterministic hourly production shape of an industry over one year (work pattern × weekends × season),
/// scaled to mean 1 so that an enterprise's annual output stays its nominal output. Built once per industry and
/// year and shared by every enterprise of that industry; each enterprise adds its own noise.
/// </summary>
public static class IndustryLoadShape
{
    public static double[] Build(IndustryProfile industry, YearCalendar calendar, ProfileParameters parameters)
    {
        var pattern = parameters.Shape(industry.Pattern);
        if (pattern.Hours.Count != 24) throw new InvalidOperationException($"work pattern of {industry.Id} needs 24 hourly values");
        if (industry.MonthlySeason.Count != 12) throw new InvalidOperationException($"industry {industry.Id} needs 12 monthly season values");
        var dayMean = pattern.Hours.Average();
        var shape = new double[calendar.Hours];
        for (var h = 0; h < calendar.Hours; h++)
        {
            var weekday = calendar.WeekdayOf(h);
            var dayOff = !industry.WorksWeekends && weekday is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var hourly = dayOff ? pattern.IdleLevel : pattern.Hours[YearCalendar.HourOfDay(h)] / dayMean;
            shape[h] = hourly * industry.MonthlySeason[calendar.MonthOf(h)];
        }
        var mean = shape.Average();
        for (var h = 0; h < shape.Length; h++) shape[h] /= mean;
        return shape;
    }
}
