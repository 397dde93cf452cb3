using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Data;

namespace ParkTwin.Domain.Profiles;

/// <summary>Shapes and noise levels of load and generation (simulations/data/profiles.yaml).</summary>
public sealed class ProfileParameters
{
    static readonly Lazy<ProfileParameters> Shipped = new(() => DataFiles.ReadYaml<ProfileParameters>("profiles.yaml"));

    public static ProfileParameters Default => Shipped.Value;

    public Dictionary<string, WorkPatternShape> WorkPatterns { get; set; } = [];
    public LoadNoiseParameters LoadNoise { get; set; } = new();
    public SolarParameters Solar { get; set; } = new();
    public WindParameters Wind { get; set; } = new();
    public HydroParameters Hydro { get; set; } = new();

    public WorkPatternShape Shape(WorkPattern pattern)
    {
        var name = pattern switch
        {
            WorkPattern.Continuous => "continuous",
            WorkPattern.ThreeShift => "three_shift",
            WorkPattern.TwoShift => "two_shift",
            _ => "one_shift",
        };
        return WorkPatterns.TryGetValue(name, out var shape)
            ? shape
            : throw new InvalidOperationException($"profiles.yaml has no work pattern '{name}'");
    }
}

public sealed class WorkPatternShape
{
    /// <summary>24 relative loads of a working day.</summary>
    public List<double> Hours { get; set; } = [];
    /// <summary>Relative load on a day off (weekends, for industries that stop).</summary>
    public double IdleLevel { get; set; } = 1;
    public string Source { get; set; } = "";
}

public sealed class LoadNoiseParameters
{
    public double DailySigma { get; set; }
    public double HourlySigma { get; set; }
    public string Source { get; set; } = "";
}

public sealed class SolarParameters
{
    public double LatitudeDeg { get; set; } = 30.5;
    public double SolarNoonHour { get; set; } = 13;
    public double DailyCloudSigma { get; set; }
    public string Source { get; set; } = "";
}

public sealed class WindParameters
{
    public double DailySigma { get; set; }
    public double HourlySigma { get; set; }
    public string Source { get; set; } = "";
}

public sealed class HydroParameters
{
    public double RunOfRiverDailySigma { get; set; }
    public double ReservoirDailySigma { get; set; }
    public string Source { get; set; } = "";
}
