using ParkTwin.Domain.Data;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Catalogue;

/// <summary>
/// A province's data (simulations/data/sichuan.yaml): prefectures, the grid fleet at scale 1, monthly capacity
/// factors (Jan..Dec, fraction of nameplate) and the provincial load shapes.
/// </summary>
public sealed record ProvinceData
{
    public const string SichuanFileName = "sichuan.yaml";

    static readonly Lazy<ProvinceData> SichuanData = new(() => Parse(DataFiles.ReadText(SichuanFileName)));

    public static ProvinceData Sichuan => SichuanData.Value;

    public required string Province { get; init; }
    public required SyntheticSizes Synthetic { get; init; }
    public required IReadOnlyList<Prefecture> Prefectures { get; init; }
    public required IReadOnlyList<GridFleetTarget> GridFleet { get; init; }

    /// <summary>12 values, Jan..Dec.</summary>
    public required double[] HydroMonthlyCapacityFactor { get; init; }
    public required double[] WindMonthlyCapacityFactor { get; init; }
    public required double[] PvMonthlyCapacityFactor { get; init; }
    /// <summary>Typical dispatch of coal and gas plants in a normal hydro year.</summary>
    public required double[] ThermalMonthlyCapacityFactor { get; init; }
    /// <summary>The highest monthly capacity factor coal and gas plants reach when they cover a hydro shortfall.</summary>
    public required double ThermalMaxMonthlyCapacityFactor { get; init; }

    /// <summary>24 values, hour 0 = 00:00-01:00, mean 1.</summary>
    public required double[] LoadHourShape { get; init; }
    /// <summary>7 values, Sunday first, mean 1.</summary>
    public required double[] LoadWeekdayFactor { get; init; }
    /// <summary>12 values, share of annual load per month, sum 1.</summary>
    public required double[] LoadMonthShare { get; init; }

    public Prefecture Prefecture(string id) =>
        Prefectures.FirstOrDefault(p => p.Id == id) ?? throw new InputException("prefecture", $"unknown prefecture '{id}'");

    /// <summary>The monthly capacity factors that apply to a generating kind; null for storage, CHP and boilers.</summary>
    public double[]? MonthlyCapacityFactor(AssetKind kind) => kind switch
    {
        AssetKind.HydroRunOfRiver or AssetKind.HydroReservoir => HydroMonthlyCapacityFactor,
        AssetKind.Wind => WindMonthlyCapacityFactor,
        AssetKind.Pv => PvMonthlyCapacityFactor,
        AssetKind.CoalPower or AssetKind.GasPower => ThermalMonthlyCapacityFactor,
        _ => null,
    };

    /// <summary>Expected annual generation, MWh, of a plant of the given kind and capacity (non-leap year).</summary>
    public double ExpectedAnnualMWh(AssetKind kind, double capacityMW)
    {
        var cf = MonthlyCapacityFactor(kind);
        if (cf is null) return 0;
        double total = 0;
        for (var m = 0; m < 12; m++) total += cf[m] * DateTime.DaysInMonth(2023, m + 1) * 24;
        return total * capacityMW;
    }

    public static ProvinceData Parse(string yaml) => ProvinceDataYaml.Load(yaml);
}

/// <summary>A prefecture-level division: how many parks and enterprises it gets and which industries lean there.</summary>
public sealed record Prefecture
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Relative share of the province's parks.</summary>
    public required double Weight { get; init; }
    /// <summary>Relative share of the province's park enterprises.</summary>
    public required double EnterpriseWeight { get; init; }
    /// <summary>Mountain prefecture: parks may own small run-of-river hydro.</summary>
    public bool Mountain { get; init; }
    /// <summary>Industry id → multiplier on its chance to be a park focus and an enterprise's industry here.</summary>
    public IReadOnlyDictionary<string, double> Lean { get; init; } = new Dictionary<string, double>();
    public required string Source { get; init; }

    public double LeanOn(string industry) => Lean.TryGetValue(industry, out var x) ? x : 1;
}

/// <summary>Target capacity of one grid-scale kind at scale 1, split into plants of UnitMinMW..UnitMaxMW.</summary>
public sealed record GridFleetTarget
{
    public required AssetKind Kind { get; init; }
    public required double CapacityMW { get; init; }
    public required double UnitMinMW { get; init; }
    public required double UnitMaxMW { get; init; }
    /// <summary>Prefecture ids where such plants sit.</summary>
    public required IReadOnlyList<string> Sites { get; init; }
    public required string Source { get; init; }
}

/// <summary>Sizes and shares the synthetic-province generator uses at scale 1.</summary>
public sealed record SyntheticSizes
{
    public required int Parks { get; init; }
    public required int Enterprises { get; init; }
    public required double NationalParkShare { get; init; }
    /// <summary>Output = min × (max/min)^(u^SizeSkew), u uniform: larger skew, more small firms.</summary>
    public required double SizeSkew { get; init; }
    public required double EnterpriseRooftopPvShare { get; init; }
    public required double EnterpriseStorageShare { get; init; }
    /// <summary>Share of parks that report guiding-indicator data.</summary>
    public required double IndicatorDataShare { get; init; }
    public required string Source { get; init; }
}
