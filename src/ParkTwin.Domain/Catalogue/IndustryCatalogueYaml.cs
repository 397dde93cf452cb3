using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Catalogue;

/// <summary>The YAML layout of industries.yaml; mapped and checked into <see cref="IndustryProfile"/> records.</summary>
public sealed class IndustryCatalogueYaml
{
    public List<IndustryYaml> Industries { get; set; } = [];
}

public sealed class IndustryYaml
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Group { get; set; }
    public string? OutputUnit { get; set; }
    public double ValuePerUnit { get; set; } = double.NaN;
    public double ElectricityMWhPerUnit { get; set; } = double.NaN;
    public List<FuelYaml> Fuels { get; set; } = [];
    public List<ProcessYaml> Process { get; set; } = [];
    public double HeatGJPerUnit { get; set; }
    public string? Pattern { get; set; }
    public bool WorksWeekends { get; set; } = true;
    public List<double> MonthlySeason { get; set; } = [];
    public double TypicalAnnualOutputMin { get; set; } = double.NaN;
    public double TypicalAnnualOutputMax { get; set; } = double.NaN;
    public double EnterpriseShare { get; set; } = double.NaN;
    public string? Source { get; set; }

    static readonly Dictionary<string, WorkPattern> Patterns = new(StringComparer.Ordinal)
    {
        ["continuous"] = WorkPattern.Continuous, ["three_shift"] = WorkPattern.ThreeShift,
        ["two_shift"] = WorkPattern.TwoShift, ["one_shift"] = WorkPattern.OneShift,
    };

    static readonly Dictionary<string, IndustryGroup> Groups = new(StringComparer.Ordinal)
    {
        ["traditional"] = IndustryGroup.Traditional, ["emerging"] = IndustryGroup.Emerging,
    };

    public IndustryProfile ToProfile(string path)
    {
        var id = Required(Id, path + ".id");
        if (!Groups.TryGetValue(Group ?? "", out var group))
            throw new InputException(path + ".group", $"'{Group}' is not one of {string.Join(", ", Groups.Keys)}");
        if (!Patterns.TryGetValue(Pattern ?? "", out var pattern))
            throw new InputException(path + ".pattern", $"'{Pattern}' is not one of {string.Join(", ", Patterns.Keys)}");
        if (MonthlySeason.Count != 12)
            throw new InputException(path + ".monthlySeason", $"needs 12 values, got {MonthlySeason.Count}");
        for (var m = 0; m < 12; m++) NonNegative(MonthlySeason[m], $"{path}.monthlySeason[{m}]");
        var mean = MonthlySeason.Average();
        if (Math.Abs(mean - 1) > 0.01)
            throw new InputException(path + ".monthlySeason", $"must average 1 (got {mean:0.###})");
        var min = NonNegative(TypicalAnnualOutputMin, path + ".typicalAnnualOutputMin");
        var max = NonNegative(TypicalAnnualOutputMax, path + ".typicalAnnualOutputMax");
        if (min <= 0 || max < min)
            throw new InputException(path + ".typicalAnnualOutputMax", $"range must satisfy 0 < min <= max (got {min}..{max})");

        return new IndustryProfile
        {
            Id = id,
            Name = Name ?? id,
            Group = group,
            OutputUnit = Required(OutputUnit, path + ".outputUnit"),
            ValuePerUnit = NonNegative(ValuePerUnit, path + ".valuePerUnit"),
            ElectricityMWhPerUnit = NonNegative(ElectricityMWhPerUnit, path + ".electricityMWhPerUnit"),
            Fuels = Fuels.Select((f, i) => f.ToIntensity($"{path}.fuels[{i}]")).ToList(),
            Process = Process.Select((p, i) => p.ToIntensity($"{path}.process[{i}]")).ToList(),
            HeatGJPerUnit = NonNegative(HeatGJPerUnit, path + ".heatGJPerUnit"),
            Pattern = pattern,
            WorksWeekends = WorksWeekends,
            MonthlySeason = MonthlySeason.ToArray(),
            TypicalAnnualOutputMin = min,
            TypicalAnnualOutputMax = max,
            EnterpriseShare = NonNegative(EnterpriseShare, path + ".enterpriseShare"),
            Source = Required(Source, path + ".source"),
        };
    }

    internal static string Required(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw new InputException(path, "is required") : value;

    internal static double NonNegative(double value, string path) =>
        double.IsFinite(value) && value >= 0 ? value : throw new InputException(path, $"must be a finite number >= 0 (got {value})");
}

public sealed class FuelYaml
{
    public string? Carrier { get; set; }
    public double PerUnit { get; set; } = double.NaN;
    public string? Unit { get; set; }

    public FuelIntensity ToIntensity(string path)
    {
        if (!EnergyNames.TryParseCarrier(Carrier, out var carrier))
            throw new InputException(path + ".carrier", $"'{Carrier}' is not one of {string.Join(", ", EnergyNames.CarrierNames)}");
        if (!EnergyNames.TryParseUnit(Unit, out var unit))
            throw new InputException(path + ".unit", $"'{Unit}' is not one of {string.Join(", ", EnergyNames.UnitNames)}");
        return new FuelIntensity(carrier, IndustryYaml.NonNegative(PerUnit, path + ".perUnit"), unit);
    }
}

public sealed class ProcessYaml
{
    public string? Product { get; set; }
    public double PerUnit { get; set; } = double.NaN;

    public ProcessIntensity ToIntensity(string path) =>
        new(IndustryYaml.Required(Product, path + ".product"), IndustryYaml.NonNegative(PerUnit, path + ".perUnit"));
}
