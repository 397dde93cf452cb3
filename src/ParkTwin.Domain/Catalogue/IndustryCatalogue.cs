using ParkTwin.Domain.Data;

namespace ParkTwin.Domain.Catalogue;

/// <summary>
/// The industries the twin knows, with their per-output intensities (simulations/data/industries.yaml).
/// <see cref="Default"/> is the shipped file; a scenario can load its own text with <see cref="Parse"/>.
/// </summary>
public sealed class IndustryCatalogue
{
    public const string FileName = "industries.yaml";

    static readonly Lazy<IndustryCatalogue> DefaultCatalogue = new(() => Parse(DataFiles.ReadText(FileName)));

    readonly Dictionary<string, IndustryProfile> byId;

    public IndustryCatalogue(IEnumerable<IndustryProfile> industries)
    {
        All = industries.ToList();
        byId = new Dictionary<string, IndustryProfile>(StringComparer.Ordinal);
        for (var i = 0; i < All.Count; i++)
            if (!byId.TryAdd(All[i].Id, All[i]))
                throw new InputException($"industries[{i}].id", $"duplicate industry id '{All[i].Id}'");
    }

    public static IndustryCatalogue Default => DefaultCatalogue.Value;

    /// <summary>Industries in file order.</summary>
    public IReadOnlyList<IndustryProfile> All { get; }

    public IEnumerable<string> Ids => All.Select(i => i.Id);

    public bool Contains(string id) => byId.ContainsKey(id);

    public bool TryGet(string id, out IndustryProfile profile) => byId.TryGetValue(id, out profile!);

    public IndustryProfile Get(string id) =>
        byId.TryGetValue(id, out var profile)
            ? profile
            : throw new InputException("industry", $"unknown industry '{id}'; known: {string.Join(", ", byId.Keys)}");

    /// <summary>Loads a catalogue from YAML text (the layout of industries.yaml); errors name the field path.</summary>
    public static IndustryCatalogue Parse(string yaml)
    {
        IndustryCatalogueYaml file;
        try
        {
            file = DataFiles.ParseYaml<IndustryCatalogueYaml>(yaml) ?? new IndustryCatalogueYaml();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException($"industries (line {e.Start.Line})", e.InnerException?.Message ?? e.Message);
        }
        return new IndustryCatalogue(file.Industries.Select((dto, i) => dto.ToProfile($"industries[{i}]")));
    }
}
