using ParkTwin.Domain.Data;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Catalogue;

/// <summary>The YAML layout of a province file (sichuan.yaml); mapped and checked into <see cref="ProvinceData"/>.</summary>
public sealed class ProvinceDataYaml
{
    public string? Province { get; set; }
    public SyntheticYaml Synthetic { get; set; } = new();
    public List<PrefectureYaml> Prefectures { get; set; } = [];
    public List<GridFleetYaml> GridFleet { get; set; } = [];
    public SeriesYaml HydroMonthlyCapacityFactor { get; set; } = new();
    public SeriesYaml WindMonthlyCapacityFactor { get; set; } = new();
    public SeriesYaml PvMonthlyCapacityFactor { get; set; } = new();
    public SeriesYaml ThermalMonthlyCapacityFactor { get; set; } = new();
    public SeriesYaml ThermalMaxMonthlyCapacityFactor { get; set; } = new();
    public SeriesYaml LoadHourShape { get; set; } = new();
    public SeriesYaml LoadWeekdayFactor { get; set; } = new();
    public SeriesYaml LoadMonthShare { get; set; } = new();

    public static ProvinceData Load(string yaml)
    {
        ProvinceDataYaml file;
        try
        {
            file = DataFiles.ParseYaml<ProvinceDataYaml>(yaml) ?? new ProvinceDataYaml();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException($"province (line {e.Start.Line})", e.InnerException?.Message ?? e.Message);
        }
        return file.ToData();
    }

    ProvinceData ToData()
    {
        if (Prefectures.Count == 0) throw new InputException("prefectures", "needs at least one prefecture");
        var prefectures = Prefectures.Select((p, i) => p.ToPrefecture($"prefectures[{i}]")).ToList();
        var ids = prefectures.Select(p => p.Id).ToHashSet();
        if (ids.Count != prefectures.Count) throw new InputException("prefectures", "prefecture ids must be unique");
        var fleet = GridFleet.Select((g, i) => g.ToTarget($"gridFleet[{i}]", ids)).ToList();
        return new ProvinceData
        {
            Province = IndustryYaml.Required(Province, "province"),
            Synthetic = Synthetic.ToSizes("synthetic"),
            Prefectures = prefectures,
            GridFleet = fleet,
            HydroMonthlyCapacityFactor = HydroMonthlyCapacityFactor.Check("hydroMonthlyCapacityFactor", 12, max: 1),
            WindMonthlyCapacityFactor = WindMonthlyCapacityFactor.Check("windMonthlyCapacityFactor", 12, max: 1),
            PvMonthlyCapacityFactor = PvMonthlyCapacityFactor.Check("pvMonthlyCapacityFactor", 12, max: 1),
            ThermalMonthlyCapacityFactor = ThermalMonthlyCapacityFactor.Check("thermalMonthlyCapacityFactor", 12, max: 1),
            ThermalMaxMonthlyCapacityFactor = ThermalMaxMonthlyCapacityFactor.Check("thermalMaxMonthlyCapacityFactor", 1, max: 1)[0],
            LoadHourShape = LoadHourShape.Check("loadHourShape", 24, mean: 1),
            LoadWeekdayFactor = LoadWeekdayFactor.Check("loadWeekdayFactor", 7, mean: 1),
            LoadMonthShare = LoadMonthShare.Check("loadMonthShare", 12, mean: 1.0 / 12),
        };
    }
}

public sealed class SeriesYaml
{
    public List<double> Values { get; set; } = [];
    public string? Source { get; set; }

    public double[] Check(string path, int count, double max = double.MaxValue, double? mean = null)
    {
        IndustryYaml.Required(Source, path + ".source");
        if (Values.Count != count) throw new InputException(path + ".values", $"needs {count} values, got {Values.Count}");
        for (var i = 0; i < count; i++)
        {
            IndustryYaml.NonNegative(Values[i], $"{path}.values[{i}]");
            if (Values[i] > max) throw new InputException($"{path}.values[{i}]", $"must be at most {max} (got {Values[i]})");
        }
        if (mean is { } target && Math.Abs(Values.Average() - target) > 0.001 * Math.Max(target, 0.01) * 10)
            throw new InputException(path + ".values", $"must average {target:0.####} (got {Values.Average():0.####})");
        return Values.ToArray();
    }
}

public sealed class SyntheticYaml
{
    public int Parks { get; set; } = 150;
    public int Enterprises { get; set; } = 20000;
    public double NationalParkShare { get; set; } = 0.15;
    public double SizeSkew { get; set; } = 2;
    public double EnterpriseRooftopPvShare { get; set; } = 0.15;
    public double EnterpriseStorageShare { get; set; } = 0.03;
    public double IndicatorDataShare { get; set; } = 0.4;
    public string? Source { get; set; }

    public SyntheticSizes ToSizes(string path)
    {
        if (Parks < 1) throw new InputException(path + ".parks", "must be at least 1");
        if (Enterprises < 1) throw new InputException(path + ".enterprises", "must be at least 1");
        return new SyntheticSizes
        {
            Parks = Parks,
            Enterprises = Enterprises,
            NationalParkShare = Fraction(NationalParkShare, path + ".nationalParkShare"),
            SizeSkew = SizeSkew > 0 ? SizeSkew : throw new InputException(path + ".sizeSkew", "must be > 0"),
            EnterpriseRooftopPvShare = Fraction(EnterpriseRooftopPvShare, path + ".enterpriseRooftopPvShare"),
            EnterpriseStorageShare = Fraction(EnterpriseStorageShare, path + ".enterpriseStorageShare"),
            IndicatorDataShare = Fraction(IndicatorDataShare, path + ".indicatorDataShare"),
            Source = IndustryYaml.Required(Source, path + ".source"),
        };
    }

    static double Fraction(double x, string path) =>
        IndustryYaml.NonNegative(x, path) <= 1 ? x : throw new InputException(path, $"must be in 0..1 (got {x})");
}

public sealed class PrefectureYaml
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public double Weight { get; set; } = double.NaN;
    public double EnterpriseWeight { get; set; } = double.NaN;
    public bool Mountain { get; set; }
    public Dictionary<string, double> Lean { get; set; } = [];
    public string? Source { get; set; }

    public Prefecture ToPrefecture(string path)
    {
        foreach (var (industry, x) in Lean) IndustryYaml.NonNegative(x, $"{path}.lean.{industry}");
        return new Prefecture
        {
            Id = IndustryYaml.Required(Id, path + ".id"),
            Name = Name ?? Id!,
            Weight = IndustryYaml.NonNegative(Weight, path + ".weight"),
            EnterpriseWeight = IndustryYaml.NonNegative(EnterpriseWeight, path + ".enterpriseWeight"),
            Mountain = Mountain,
            Lean = new SortedDictionary<string, double>(Lean, StringComparer.Ordinal),
            Source = IndustryYaml.Required(Source, path + ".source"),
        };
    }
}

public sealed class GridFleetYaml
{
    public string? Kind { get; set; }
    public double CapacityMW { get; set; } = double.NaN;
    public double UnitMinMW { get; set; } = double.NaN;
    public double UnitMaxMW { get; set; } = double.NaN;
    public List<string> Sites { get; set; } = [];
    public string? Source { get; set; }

    public GridFleetTarget ToTarget(string path, IReadOnlySet<string> prefectures)
    {
        if (!AssetKindNames.TryParse(Kind, out var kind))
            throw new InputException(path + ".kind", $"'{Kind}' is not one of {string.Join(", ", AssetKindNames.All.Select(k => k.Name()))}");
        var min = IndustryYaml.NonNegative(UnitMinMW, path + ".unitMinMW");
        var max = IndustryYaml.NonNegative(UnitMaxMW, path + ".unitMaxMW");
        if (min <= 0 || max < min) throw new InputException(path + ".unitMaxMW", $"needs 0 < unitMinMW <= unitMaxMW (got {min}..{max})");
        if (Sites.Count == 0) throw new InputException(path + ".sites", "needs at least one prefecture");
        for (var i = 0; i < Sites.Count; i++)
            if (!prefectures.Contains(Sites[i])) throw new InputException($"{path}.sites[{i}]", $"unknown prefecture '{Sites[i]}'");
        return new GridFleetTarget
        {
            Kind = kind,
            CapacityMW = IndustryYaml.NonNegative(CapacityMW, path + ".capacityMW"),
            UnitMinMW = min,
            UnitMaxMW = max,
            Sites = Sites.ToList(),
            Source = IndustryYaml.Required(Source, path + ".source"),
        };
    }
}
