using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Model;

/// <summary>
/// A province laid out for a run: parks (sorted by id) with their enterprises and assets, the grid's plants, the
/// industry profiles in use and the twin settings. Both the grains and the flat kernel are built from it.
/// </summary>
public sealed class ProvinceModel
{
    public const string GridOwner = "grid";

    ProvinceModel(ProvinceInventory inventory, TwinSettings settings, IReadOnlyDictionary<string, IndustryProfile> industries,
        ParkLayout[] parks, AssetSpec[] gridAssets)
    {
        Inventory = inventory;
        Settings = settings;
        Industries = industries;
        Parks = parks;
        GridAssets = gridAssets;
    }

    public ProvinceInventory Inventory { get; }
    public TwinSettings Settings { get; }
    public IReadOnlyDictionary<string, IndustryProfile> Industries { get; }
    public ParkLayout[] Parks { get; }
    public AssetSpec[] GridAssets { get; }

    public int EnterpriseCount => Parks.Sum(p => p.Enterprises.Length);

    public static ProvinceModel Build(ProvinceInventory inventory, TwinSettings settings, IReadOnlyDictionary<string, IndustryProfile> industries)
    {
        var enterprisesByPark = inventory.Enterprises.ToLookup(e => e.Park, StringComparer.Ordinal);
        var parkOfEnterprise = inventory.Enterprises.ToDictionary(e => e.Id, e => e.Park, StringComparer.Ordinal);
        var parkIds = inventory.Parks.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var assetsByPark = inventory.Assets.Where(a => a.Owner != GridOwner)
            .ToLookup(a => parkIds.Contains(a.Owner) ? a.Owner : parkOfEnterprise.GetValueOrDefault(a.Owner, a.Park ?? ""), StringComparer.Ordinal);
        foreach (var e in inventory.Enterprises.Where(e => !industries.ContainsKey(e.Industry)))
            throw new InputException($"enterprises.{e.Id}.industry", $"unknown industry '{e.Industry}'");
        var parks = inventory.Parks.OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new ParkLayout(p, enterprisesByPark[p.Id], assetsByPark[p.Id]))
            .ToArray();
        var grid = inventory.Assets.Where(a => a.Owner == GridOwner).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        return new ProvinceModel(inventory, settings, industries, parks, grid);
    }
}
