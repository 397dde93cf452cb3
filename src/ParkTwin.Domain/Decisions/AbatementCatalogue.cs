using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Data;

namespace ParkTwin.Domain.Decisions;

/// <summary>
/// The abatement options enterprises can adopt and the defaults of their decision (simulations/data/abatement.yaml):
/// energy prices, hurdle rates, capex budget, reference carbon price, information-policy reductions.
/// <see cref="Default"/> is the shipped file; a scenario can load its own text with <see cref="Parse"/>.
/// </summary>
public sealed class AbatementCatalogue
{
    public const string FileName = "abatement.yaml";

    static readonly Lazy<AbatementCatalogue> DefaultCatalogue =
        new(() => Parse(DataFiles.ReadText(FileName), IndustryCatalogue.Default));

    readonly Dictionary<string, AbatementOption> byId;
    readonly IReadOnlyDictionary<string, double> hurdleByIndustry;

    public AbatementCatalogue(
        IEnumerable<AbatementOption> options, EnergyPrices prices, double defaultHurdleRate,
        IReadOnlyDictionary<string, double> hurdleByIndustry, double capexBudgetShare, double referenceCarbonPrice,
        double disclosureReduction, double pilotTitleReduction)
    {
        Options = options.ToList();
        byId = new Dictionary<string, AbatementOption>(StringComparer.Ordinal);
        for (var i = 0; i < Options.Count; i++)
            if (!byId.TryAdd(Options[i].Id, Options[i]))
                throw new InputException($"options[{i}].id", $"duplicate abatement option '{Options[i].Id}'");
        // The rule implements exactly these eight; a catalogue without one would silently drop a pathway.
        var missing = AbatementOptionIds.All.Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0) throw new InputException("options", $"missing abatement options: {string.Join(", ", missing)}");
        Prices = prices;
        DefaultHurdleRate = defaultHurdleRate;
        this.hurdleByIndustry = hurdleByIndustry;
        CapexBudgetShare = capexBudgetShare;
        ReferenceCarbonPrice = referenceCarbonPrice;
        DisclosureReduction = disclosureReduction;
        PilotTitleReduction = pilotTitleReduction;
    }

    public static AbatementCatalogue Default => DefaultCatalogue.Value;

    /// <summary>Options in file order.</summary>
    public IReadOnlyList<AbatementOption> Options { get; }

    public IEnumerable<string> Ids => Options.Select(o => o.Id);

    public bool Contains(string id) => byId.ContainsKey(id);

    public AbatementOption Get(string id) =>
        byId.TryGetValue(id, out var option)
            ? option
            : throw new InputException("option", $"unknown abatement option '{id}'; known: {string.Join(", ", byId.Keys)}");

    /// <summary>The options an enterprise of <paramref name="industry"/> can adopt, in file order.</summary>
    public IEnumerable<AbatementOption> ApplicableTo(string industry) => Options.Where(o => o.AppliesTo(industry));

    public EnergyPrices Prices { get; }

    public double DefaultHurdleRate { get; }

    /// <summary>The enterprise's discount rate before policy: its industry's hurdle rate, else the default.</summary>
    public double HurdleRate(string industry) => hurdleByIndustry.TryGetValue(industry, out var r) ? r : DefaultHurdleRate;

    /// <summary>Yearly abatement capex budget as a share of annual output value.</summary>
    public double CapexBudgetShare { get; }

    /// <summary>The capex budget (CNY) of an enterprise with <paramref name="outputValueCny"/> a year.</summary>
    public double CapexBudget(double outputValueCny) => CapexBudgetShare * outputValueCny;

    /// <summary>Expected carbon price (CNY/tCO2) of a covered enterprise before any market price has been seen.</summary>
    public double ReferenceCarbonPrice { get; }

    /// <summary>Hurdle-rate reduction (fraction points) of mandatory disclosure.</summary>
    public double DisclosureReduction { get; }

    /// <summary>Hurdle-rate reduction (fraction points) of a pilot-park title.</summary>
    public double PilotTitleReduction { get; }

    /// <summary>How likely an enterprise is to review its options in a given year (diffusion); <see cref="AdoptionPropensity.Always"/> when the file has none.</summary>
    public AdoptionPropensity Propensity { get; init; } = AdoptionPropensity.Always;

    /// <summary>The total hurdle-rate reduction of the information policies that apply to an enterprise.</summary>
    public double InformationReduction(bool disclosure, bool pilotTitle) =>
        (disclosure ? DisclosureReduction : 0) + (pilotTitle ? PilotTitleReduction : 0);

    /// <summary>Share of its electricity an enterprise contracts green when it adopts the green-power contract (the market layer signs it).</summary>
    public double GreenPowerContractShare => Get(AbatementOptionIds.GreenPowerContract).GreenPower!.ShareOfDemand;

    /// <summary>Loads a catalogue from YAML text (the layout of abatement.yaml); industries are checked against <paramref name="industries"/> when given.</summary>
    public static AbatementCatalogue Parse(string yaml, IndustryCatalogue? industries = null)
    {
        AbatementCatalogueYaml file;
        try
        {
            file = DataFiles.ParseYaml<AbatementCatalogueYaml>(yaml) ?? new AbatementCatalogueYaml();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException($"abatement (line {e.Start.Line})", e.InnerException?.Message ?? e.Message);
        }
        Func<string, bool>? known = industries is null ? null : industries.Contains;

        var prices = (file.Prices ?? throw new InputException("prices", "is required")).ToPrices("prices");
        var hurdle = file.HurdleRate ?? throw new InputException("hurdleRate", "is required");
        IndustryYaml.Required(hurdle.Source, "hurdleRate.source");
        var byIndustry = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (industry, rate) in hurdle.ByIndustry)
        {
            if (known is not null && !known(industry))
                throw new InputException($"hurdleRate.byIndustry.{industry}", $"unknown industry '{industry}'");
            byIndustry[industry] = EffectYaml.Fraction(rate, $"hurdleRate.byIndustry.{industry}");
        }
        var budget = file.CapexBudget ?? throw new InputException("capexBudget", "is required");
        IndustryYaml.Required(budget.Source, "capexBudget.source");
        var carbon = file.ReferenceCarbonPrice ?? throw new InputException("referenceCarbonPrice", "is required");
        IndustryYaml.Required(carbon.Source, "referenceCarbonPrice.source");
        var information = file.InformationPolicies ?? throw new InputException("informationPolicies", "is required");
        IndustryYaml.Required(information.Source, "informationPolicies.source");

        return new AbatementCatalogue(
            file.Options.Select((o, i) => o.ToOption($"options[{i}]", known)),
            prices,
            EffectYaml.Fraction(hurdle.Default, "hurdleRate.default"),
            byIndustry,
            IndustryYaml.NonNegative(budget.ShareOfOutputValue, "capexBudget.shareOfOutputValue"),
            IndustryYaml.NonNegative(carbon.CnyPerTonne, "referenceCarbonPrice.cnyPerTonne"),
            EffectYaml.Fraction(information.Disclosure, "informationPolicies.disclosure"),
            EffectYaml.Fraction(information.PilotTitle, "informationPolicies.pilotTitle"))
        {
            Propensity = file.AdoptionPropensity is { } p
                ? new AdoptionPropensity(EffectYaml.Fraction(p.Base, "adoptionPropensity.base"), EffectYaml.Fraction(p.Disclosure, "adoptionPropensity.disclosure"),
                    EffectYaml.Fraction(p.PilotTitle, "adoptionPropensity.pilotTitle"))
                : AdoptionPropensity.Always,
        };
    }
}
