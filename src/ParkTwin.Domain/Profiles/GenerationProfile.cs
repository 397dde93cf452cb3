using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Profiles;

/// <summary>
/// Hourly capacity factors of generating assets for one year. The deterministic part (sun position, monthly
/// capacity factors, the daily load shape) is precomputed once; each asset adds weather noise keyed by its id,
/// so its output at an hour never depends on how hours are batched.
/// </summary>
public sealed class GenerationProfile
{
    readonly YearCalendar calendar;
    readonly GenerationClimate climate;
    readonly ProfileParameters parameters;
    readonly double[] pvClearSky;
    readonly double[] loadHour;

    public GenerationProfile(YearCalendar calendar, GenerationClimate climate, ProfileParameters parameters)
    {
        this.calendar = calendar;
        this.climate = climate;
        this.parameters = parameters;
        pvClearSky = BuildPvBase(calendar, climate.PvMonthlyCapacityFactor, parameters.Solar);
        var mean = climate.LoadHourShape.Average();
        loadHour = climate.LoadHourShape.Select(v => v / mean).ToArray();
    }

    public YearCalendar Calendar => calendar;

    /// <summary>Fills capacity factors (0..1) of a non-dispatched asset for the hours of a tick.</summary>
    /// <param name="hydroAvailability">Multiplier on hydro inflow per month (1 = normal year; 0.6 = 40 % short).</param>
    public void Fill(AssetKind kind, ulong key, TickWindow window, ReadOnlySpan<double> hydroAvailability, Span<double> capacityFactor)
    {
        for (var i = 0; i < window.Hours; i++)
        {
            var h = window.StartHour + i;
            var month = calendar.MonthOf(h);
            var day = YearCalendar.DayOf(h);
            capacityFactor[i] = Math.Clamp(kind switch
            {
                AssetKind.Pv => pvClearSky[h] * Math.Clamp(1 + parameters.Solar.DailyCloudSigma * Noise.Normal(key, day), 0.1, 1.8),
                AssetKind.Wind => climate.WindMonthlyCapacityFactor[month]
                    * (1 + parameters.Wind.DailySigma * Noise.Smooth(key, h, 48) + parameters.Wind.HourlySigma * Noise.Normal(key, h)),
                AssetKind.HydroRunOfRiver => climate.HydroMonthlyCapacityFactor[month] * hydroAvailability[month]
                    * (1 + parameters.Hydro.RunOfRiverDailySigma * Noise.Normal(key, day)),
                AssetKind.HydroReservoir => climate.HydroMonthlyCapacityFactor[month] * hydroAvailability[month]
                    * loadHour[YearCalendar.HourOfDay(h)] * (1 + parameters.Hydro.ReservoirDailySigma * Noise.Normal(key, day)),
                AssetKind.CoalPower or AssetKind.GasPower => climate.ThermalMonthlyCapacityFactor[month] * loadHour[YearCalendar.HourOfDay(h)],
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a weather- or load-driven generator"),
            }, 0, 1);
        }
    }

    /// <summary>Clear-sky cosine of the solar zenith, scaled per month so its monthly mean is that month's PV capacity factor.</summary>
    static double[] BuildPvBase(YearCalendar calendar, double[] monthlyCapacityFactor, SolarParameters solar)
    {
        var phi = solar.LatitudeDeg * Math.PI / 180;
        var cosZenith = new double[calendar.Hours];
        for (var h = 0; h < calendar.Hours; h++)
        {
            var dayOfYear = YearCalendar.DayOf(h) + 1;
            var declination = 23.44 * Math.PI / 180 * Math.Sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
            var hourAngle = 15 * Math.PI / 180 * (YearCalendar.HourOfDay(h) + 0.5 - solar.SolarNoonHour);
            cosZenith[h] = Math.Max(0, Math.Sin(phi) * Math.Sin(declination) + Math.Cos(phi) * Math.Cos(declination) * Math.Cos(hourAngle));
        }
        for (var m = 0; m < 12; m++)
        {
            var from = calendar.MonthStartHour[m];
            var to = calendar.MonthStartHour[m + 1];
            var mean = cosZenith.AsSpan(from, to - from).ToArray().Average();
            var scale = mean > 0 ? monthlyCapacityFactor[m] / mean : 0;
            for (var h = from; h < to; h++) cosZenith[h] *= scale;
        }
        return cosZenith;
    }
}
