namespace ParkTwin.Domain.Decisions;

/// <summary>
/// Cumulative adoptions of each option across the province and the capex multiplier they imply (Wright's law):
/// multiplier = (cumulative / installedBase)^log2(1 − learningRate), 1 at the installed base, 1 − rate after a
/// doubling. Immutable: a year's decisions all see one state, so the result does not depend on the order in which
/// enterprises decide; <see cref="After"/> moves it on with the year's adoptions.
/// </summary>
public sealed class LearningState
{
    readonly AbatementCatalogue catalogue;
    readonly Dictionary<string, double> cumulative;

    LearningState(AbatementCatalogue catalogue, Dictionary<string, double> cumulative)
    {
        this.catalogue = catalogue;
        this.cumulative = cumulative;
    }

    /// <summary>The start of a run: every option at its installed base (multiplier 1).</summary>
    public static LearningState Start(AbatementCatalogue catalogue) =>
        new(catalogue, catalogue.Options.ToDictionary(o => o.Id, o => o.InstalledBase, StringComparer.Ordinal));

    /// <summary>A saved state: cumulative adoptions per option (absent or below the installed base: the base).</summary>
    public static LearningState From(AbatementCatalogue catalogue, IReadOnlyDictionary<string, double> cumulativeAdoptions)
    {
        var state = Start(catalogue);
        foreach (var (id, n) in cumulativeAdoptions)
        {
            var option = catalogue.Get(id);
            state.cumulative[id] = Math.Max(n, option.InstalledBase);
        }
        return state;
    }

    /// <summary>Cumulative adoptions per option, installed base included (for saving the state).</summary>
    public IReadOnlyDictionary<string, double> CumulativeAdoptions => cumulative;

    public double Cumulative(string option) => cumulative[catalogue.Get(option).Id];

    public double CapexMultiplier(string option)
    {
        var o = catalogue.Get(option);
        var n = Math.Max(cumulative[o.Id], o.InstalledBase);
        return Math.Pow(n / o.InstalledBase, Math.Log2(1 - o.LearningRate));
    }

    /// <summary>The state after a year's adoptions (each counts one).</summary>
    public LearningState After(IEnumerable<Adoption> adoptions)
    {
        var next = new Dictionary<string, double>(cumulative, StringComparer.Ordinal);
        foreach (var a in adoptions) next[catalogue.Get(a.Option).Id] += 1;
        return new LearningState(catalogue, next);
    }
}
