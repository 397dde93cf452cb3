using ParkTwin.Domain.Catalogue;

namespace ParkTwin.Domain.Decisions;

/// <summary>The YAML layout of abatement.yaml; mapped and checked into <see cref="AbatementCatalogue"/>.</summary>
public sealed class AbatementCatalogueYaml
{
    public PricesYaml? Prices { get; set; }
    public HurdleRateYaml? HurdleRate { get; set; }
    public CapexBudgetYaml? CapexBudget { get; set; }
    public ReferenceCarbonPriceYaml? ReferenceCarbonPrice { get; set; }
    public InformationPoliciesYaml? InformationPolicies { get; set; }
    public AdoptionPropensityYaml? AdoptionPropensity { get; set; }
    public List<AbatementOptionYaml> Options { get; set; } = [];
}

public sealed class PricesYaml
{
    public double FuelCnyPerTce { get; set; } = double.NaN;
    public double HeatCnyPerGJ { get; set; } = double.NaN;
    public double ElectricityCnyPerMWh { get; set; } = double.NaN;
    public double TouPeakCnyPerMWh { get; set; } = double.NaN;
    public double TouValleyCnyPerMWh { get; set; } = double.NaN;
    public string? Source { get; set; }

    public EnergyPrices ToPrices(string path)
    {
        IndustryYaml.Required(Source, path + ".source");
        return new EnergyPrices
        {
            FuelCnyPerTce = IndustryYaml.NonNegative(FuelCnyPerTce, path + ".fuelCnyPerTce"),
            HeatCnyPerGJ = IndustryYaml.NonNegative(HeatCnyPerGJ, path + ".heatCnyPerGJ"),
            ElectricityCnyPerMWh = IndustryYaml.NonNegative(ElectricityCnyPerMWh, path + ".electricityCnyPerMWh"),
            TouPeakCnyPerMWh = IndustryYaml.NonNegative(TouPeakCnyPerMWh, path + ".touPeakCnyPerMWh"),
            TouValleyCnyPerMWh = IndustryYaml.NonNegative(TouValleyCnyPerMWh, path + ".touValleyCnyPerMWh"),
        };
    }
}

public sealed class HurdleRateYaml
{
    public double Default { get; set; } = double.NaN;
    public Dictionary<string, double> ByIndustry { get; set; } = [];
    public string? Source { get; set; }
}

public sealed class CapexBudgetYaml
{
    public double ShareOfOutputValue { get; set; } = double.NaN;
    public string? Source { get; set; }
}

public sealed class ReferenceCarbonPriceYaml
{
    public double CnyPerTonne { get; set; } = double.NaN;
    public string? Source { get; set; }
}

public sealed class AdoptionPropensityYaml
{
    public double Base { get; set; } = double.NaN;
    public double Disclosure { get; set; }
    public double PilotTitle { get; set; }
    public string? Source { get; set; }
}

public sealed class InformationPoliciesYaml
{
    public double Disclosure { get; set; }
    public double PilotTitle { get; set; }
    public string? Source { get; set; }
}

public sealed class AbatementOptionYaml
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string> Industries { get; set; } = [];
    public string? Requires { get; set; }
    public EffectYaml? Effect { get; set; }
    public PvYaml? Pv { get; set; }
    public StorageYaml? Storage { get; set; }
    public GreenPowerYaml? GreenPower { get; set; }
    public CapexYaml? Capex { get; set; }
    public OpexYaml? Opex { get; set; }
    public int LifetimeYears { get; set; }
    public int BuildMonths { get; set; } = -1;
    public LearningYaml? Learning { get; set; }
    public string? Source { get; set; }

    /// <summary>The industry list's word for "every industry".</summary>
    public const string AllIndustries = "all";

    static readonly Dictionary<string, CapexBasis> Bases = new(StringComparer.Ordinal)
    {
        ["tce_yr"] = CapexBasis.TceYr, ["mwh_yr"] = CapexBasis.MWhYr, ["gj_yr_heat"] = CapexBasis.GJYrHeat,
        ["kw_pv"] = CapexBasis.KwPv, ["kwh_storage"] = CapexBasis.KwhStorage, ["tco2_yr_abated"] = CapexBasis.Tco2YrAbated,
        ["none"] = CapexBasis.None,
    };

    public AbatementOption ToOption(string path, Func<string, bool>? knownIndustry)
    {
        var id = IndustryYaml.Required(Id, path + ".id");
        if (!AbatementOptionIds.All.Contains(id))
            throw new InputException(path + ".id", $"unknown abatement option '{id}'; known: {string.Join(", ", AbatementOptionIds.All)}");
        if (Industries.Count == 0)
            throw new InputException(path + ".industries", "is required: catalogue ids or [all]");
        var industries = Industries.Contains(AllIndustries) ? [] : Industries.ToList();
        for (var i = 0; i < industries.Count; i++)
            if (knownIndustry is not null && !knownIndustry(industries[i]))
                throw new InputException($"{path}.industries[{i}]", $"unknown industry '{industries[i]}'");
        if (Requires is not null && !AbatementOptionIds.All.Contains(Requires))
            throw new InputException(path + ".requires", $"unknown abatement option '{Requires}'");
        if (Capex is null) throw new InputException(path + ".capex", "is required");
        if (!Bases.TryGetValue(Capex.Per ?? "", out var basis))
            throw new InputException(path + ".capex.per", $"'{Capex.Per}' is not one of {string.Join(", ", Bases.Keys)}");
        if (LifetimeYears < 1) throw new InputException(path + ".lifetimeYears", $"must be at least 1 (got {LifetimeYears})");
        if (BuildMonths < 0) throw new InputException(path + ".buildMonths", "is required and must be >= 0");
        if (Learning is null) throw new InputException(path + ".learning", "is required");
        if (!(Learning.Rate >= 0 && Learning.Rate < 1))
            throw new InputException(path + ".learning.rate", $"must be in [0, 1) (got {Learning.Rate})");
        if (!(Learning.InstalledBase > 0 && double.IsFinite(Learning.InstalledBase)))
            throw new InputException(path + ".learning.installedBase", $"must be > 0 (got {Learning.InstalledBase})");

        var option = new AbatementOption
        {
            Id = id,
            Name = Name ?? id,
            Industries = industries,
            Requires = Requires,
            Effect = (Effect ?? new EffectYaml()).ToEffect(path + ".effect"),
            Pv = Pv?.ToSizing(path + ".pv"),
            Storage = Storage?.ToSizing(path + ".storage"),
            GreenPower = GreenPower?.ToSizing(path + ".greenPower"),
            CapexCny = IndustryYaml.NonNegative(Capex.Cny, path + ".capex.cny"),
            CapexBasis = basis,
            OpexShareOfCapex = IndustryYaml.NonNegative(Opex?.ShareOfCapex ?? 0, path + ".opex.shareOfCapex"),
            OpexCnyPerTco2 = IndustryYaml.NonNegative(Opex?.CnyPerTco2 ?? 0, path + ".opex.cnyPerTco2"),
            LifetimeYears = LifetimeYears,
            BuildMonths = BuildMonths,
            LearningRate = Learning.Rate,
            InstalledBase = Learning.InstalledBase,
            Source = IndustryYaml.Required(Source, path + ".source"),
        };
        // The ids name physics the rule implements; the blocks that size them must be there.
        if (id == AbatementOptionIds.OnsitePv && option.Pv is null) throw new InputException(path + ".pv", "is required for on-site PV");
        if (id == AbatementOptionIds.Storage && option.Storage is null) throw new InputException(path + ".storage", "is required for storage");
        if (id == AbatementOptionIds.GreenPowerContract && option.GreenPower is null)
            throw new InputException(path + ".greenPower", "is required for the green-power contract");
        return option;
    }
}

public sealed class EffectYaml
{
    public double FuelCut { get; set; }
    public double ProcessCut { get; set; }
    public double ElectricityChange { get; set; }
    public double HeatCut { get; set; }
    public double CapturedShare { get; set; }
    public double HeatPumpCop { get; set; }
    public double BoilerEfficiency { get; set; } = 1;

    public OptionEffect ToEffect(string path)
    {
        if (!(double.IsFinite(ElectricityChange) && ElectricityChange >= -1))
            throw new InputException(path + ".electricityChange", $"must be a finite number >= -1 (got {ElectricityChange})");
        return new OptionEffect
        {
            FuelCut = Fraction(FuelCut, path + ".fuelCut"),
            ProcessCut = Fraction(ProcessCut, path + ".processCut"),
            ElectricityChange = ElectricityChange,
            HeatCut = Fraction(HeatCut, path + ".heatCut"),
            CapturedShare = Fraction(CapturedShare, path + ".capturedShare"),
            HeatPumpCop = IndustryYaml.NonNegative(HeatPumpCop, path + ".heatPumpCop"),
            BoilerEfficiency = Fraction(BoilerEfficiency, path + ".boilerEfficiency"),
        };
    }

    internal static double Fraction(double value, string path) =>
        double.IsFinite(value) && value is >= 0 and <= 1 ? value : throw new InputException(path, $"must be a fraction in [0, 1] (got {value})");
}

public sealed class PvYaml
{
    public double ShareOfDemand { get; set; } = double.NaN;
    public double CapacityFactor { get; set; } = double.NaN;
    public double MaxMW { get; set; } = double.PositiveInfinity;

    public PvSizing ToSizing(string path)
    {
        var cf = EffectYaml.Fraction(CapacityFactor, path + ".capacityFactor");
        if (cf == 0) throw new InputException(path + ".capacityFactor", "must be > 0");
        if (!(MaxMW >= 0)) throw new InputException(path + ".maxMW", $"must be >= 0 (got {MaxMW})");
        return new PvSizing(EffectYaml.Fraction(ShareOfDemand, path + ".shareOfDemand"), cf, MaxMW);
    }
}

public sealed class StorageYaml
{
    public double PowerShareOfPv { get; set; } = double.NaN;
    public double Hours { get; set; } = double.NaN;
    public double CyclesPerYear { get; set; } = double.NaN;
    public double RoundTripEfficiency { get; set; } = double.NaN;

    public StorageSizing ToSizing(string path) => new(
        IndustryYaml.NonNegative(PowerShareOfPv, path + ".powerShareOfPv"),
        IndustryYaml.NonNegative(Hours, path + ".hours"),
        IndustryYaml.NonNegative(CyclesPerYear, path + ".cyclesPerYear"),
        EffectYaml.Fraction(RoundTripEfficiency, path + ".roundTripEfficiency"));
}

public sealed class GreenPowerYaml
{
    public double ShareOfDemand { get; set; } = double.NaN;

    public GreenPowerSizing ToSizing(string path) => new(EffectYaml.Fraction(ShareOfDemand, path + ".shareOfDemand"));
}

public sealed class CapexYaml
{
    public double Cny { get; set; } = double.NaN;
    public string? Per { get; set; }
}

public sealed class OpexYaml
{
    public double ShareOfCapex { get; set; }
    public double CnyPerTco2 { get; set; }
}

public sealed class LearningYaml
{
    public double Rate { get; set; } = double.NaN;
    public double InstalledBase { get; set; } = double.NaN;
}
