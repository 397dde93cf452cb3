using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>Checks an inventory's references and numbers; the first problem is thrown with its path.</summary>
public static class InventoryValidator
{
    public static void Validate(ProvinceInventory inventory, IndustryCatalogue catalogue)
    {
        if (inventory.Parks is null) throw new InputException("parks", "is required");
        if (inventory.Enterprises is null) throw new InputException("enterprises", "is required");
        if (inventory.Assets is null) throw new InputException("assets", "is required");
        if (!double.IsFinite(inventory.Scale) || inventory.Scale <= 0) throw new InputException("scale", "must be a finite number > 0");
        if (inventory.Parks.Count == 0) throw new InputException("parks", "an inventory needs at least one park");
        if (inventory.Enterprises.Count == 0) throw new InputException("enterprises", "an inventory needs at least one enterprise");

        var parks = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inventory.Parks.Count; i++)
        {
            var park = inventory.Parks[i];
            var path = $"parks[{i}]";
            Id(park.Id, path, parks, "park");
            if (string.IsNullOrWhiteSpace(park.Prefecture)) throw new InputException(path + ".prefecture", "is required");
            if (park.Level is not ("national" or "provincial"))
                throw new InputException(path + ".level", $"must be \"national\" or \"provincial\" (got \"{park.Level}\")");
            for (var f = 0; f < park.Focus.Count; f++)
                if (!catalogue.Contains(park.Focus[f])) throw new InputException($"{path}.focus[{f}]", $"unknown industry '{park.Focus[f]}'");
            Fraction(park.SolidWasteUtilisation, path + ".solidWasteUtilisation");
            Fraction(park.WasteHeatUtilisation, path + ".wasteHeatUtilisation");
            Fraction(park.WaterReuse, path + ".waterReuse");
        }

        var enterprises = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inventory.Enterprises.Count; i++)
        {
            var enterprise = inventory.Enterprises[i];
            var path = $"enterprises[{i}]";
            Id(enterprise.Id, path, enterprises, "enterprise");
            if (parks.Contains(enterprise.Id) || enterprise.Id == GridFleetBuilder.GridOwner)
                throw new InputException(path + ".id", $"'{enterprise.Id}' is already used by a park or the grid");
            if (!parks.Contains(enterprise.Park)) throw new InputException(path + ".park", $"no park with id '{enterprise.Park}'");
            if (!catalogue.Contains(enterprise.Industry))
                throw new InputException(path + ".industry", $"unknown industry '{enterprise.Industry}'");
            NonNegative(enterprise.AnnualOutput, path + ".annualOutput");
            if (!double.IsFinite(enterprise.Efficiency) || enterprise.Efficiency <= 0)
                throw new InputException(path + ".efficiency", $"must be a finite number > 0 (got {enterprise.Efficiency})");
        }

        var assets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inventory.Assets.Count; i++)
        {
            var asset = inventory.Assets[i];
            var path = $"assets[{i}]";
            Id(asset.Id, path, assets, "asset");
            if (asset.Owner != GridFleetBuilder.GridOwner && !parks.Contains(asset.Owner) && !enterprises.Contains(asset.Owner))
                throw new InputException(path + ".owner", $"'{asset.Owner}' is neither an enterprise, a park nor \"grid\"");
            if (asset.Park is not null && !parks.Contains(asset.Park))
                throw new InputException(path + ".park", $"no park with id '{asset.Park}'");
            NonNegative(asset.CapacityMW, path + ".capacityMW");
            NonNegative(asset.EnergyMWh, path + ".energyMWh");
        }
    }

    static void Id(string? id, string path, HashSet<string> seen, string what)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new InputException(path + ".id", "is required");
        if (!seen.Add(id)) throw new InputException(path + ".id", $"duplicate {what} id '{id}'");
    }

    static void NonNegative(double x, string path)
    {
        if (!double.IsFinite(x) || x < 0) throw new InputException(path, $"must be a finite number >= 0 (got {x})");
    }

    static void Fraction(double? x, string path)
    {
        if (x is { } v && (!double.IsFinite(v) || v < 0 || v > 1)) throw new InputException(path, $"must be in 0..1 (got {v})");
    }
}
