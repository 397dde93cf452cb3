using System.Collections.Concurrent;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Profiles;
using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// Builds twins from their specs and the run's settings. The year-long shapes (an industry's production shape,
/// the generation profile) are built once per process and shared, since thousands of twins use each.
/// </summary>
public static class TwinFactory
{
    static readonly ConcurrentDictionary<int, YearCalendar> Calendars = new();
    static readonly ConcurrentDictionary<string, double[]> IndustryShapes = new();
    static readonly ConcurrentDictionary<string, GenerationProfile> GenerationProfiles = new();

    public static YearCalendar Calendar(int year) => Calendars.GetOrAdd(year, y => new YearCalendar(y));

    public static EnterpriseTwin Enterprise(EnterpriseSpec spec, IndustryProfile industry, TwinSettings settings)
    {
        var calendar = Calendar(settings.Year);
        var shapeKey = $"{settings.Year}|{industry.Pattern}|{industry.WorksWeekends}|{string.Join(',', industry.MonthlySeason)}|{ShapeKey(settings.Profiles, industry.Pattern)}";
        var shape = IndustryShapes.GetOrAdd(shapeKey, _ => IndustryLoadShape.Build(industry, calendar, settings.Profiles));
        var intensity = EnterpriseIntensity.Of(spec, industry, settings.Factors);
        return new EnterpriseTwin(spec, intensity, settings.Factors, shape, calendar, settings.Seed,
            settings.Profiles.LoadNoise.DailySigma, settings.Profiles.LoadNoise.HourlySigma, settings.RetireGreenCertificates);
    }

    public static AssetTwin Asset(AssetSpec spec, TwinSettings settings)
    {
        // Keyed by content: every grain receives its own deserialised copy of the settings.
        var c = settings.Climate;
        var s = settings.Profiles;
        var key = string.Join('|', settings.Year, Join(c.HydroMonthlyCapacityFactor), Join(c.WindMonthlyCapacityFactor),
            Join(c.PvMonthlyCapacityFactor), Join(c.ThermalMonthlyCapacityFactor), Join(c.LoadHourShape),
            s.Solar.LatitudeDeg, s.Solar.SolarNoonHour, s.Solar.DailyCloudSigma, s.Wind.DailySigma, s.Wind.HourlySigma,
            s.Hydro.RunOfRiverDailySigma, s.Hydro.ReservoirDailySigma);
        var profile = GenerationProfiles.GetOrAdd(key, _ => new GenerationProfile(Calendar(settings.Year), c, s));
        return new AssetTwin(spec, profile, settings.Assets, settings.Factors, settings.HydroAvailability, settings.Seed);
    }

    static string Join(IEnumerable<double> values) => string.Join(',', values);

    static string ShapeKey(ProfileParameters profiles, WorkPattern pattern)
    {
        var shape = profiles.Shape(pattern);
        return $"{string.Join(',', shape.Hours)}|{shape.IdleLevel}";
    }
}
