using System.Text.Json;

namespace ParkTwin.Domain.Inventory;

/// <summary>The snake_case names of asset kinds used in data and inventory files, e.g. "hydro_run_of_river".</summary>
public static class AssetKindNames
{
    public static readonly AssetKind[] All = Enum.GetValues<AssetKind>();

    public static string Name(this AssetKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static bool TryParse(string? name, out AssetKind kind)
    {
        foreach (var k in All)
            if (k.Name() == name)
            {
                kind = k;
                return true;
            }
        kind = default;
        return false;
    }

    /// <summary>Kinds that generate electricity from a primary source (not storage, not a boiler).</summary>
    public static bool IsGenerator(this AssetKind kind) => kind is not (AssetKind.Storage or AssetKind.CoalBoiler);
}
