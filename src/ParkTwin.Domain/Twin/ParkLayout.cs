using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Twin;

/// <summary>How a park's assets serve it in a tick, in the order they are stepped.</summary>
public enum AssetRole
{
    /// <summary>PV, wind, hydro owned by an enterprise: its on-site supply.</summary>
    OnsiteGenerator,
    /// <summary>PV, wind, hydro owned by the park: the park's green pool.</summary>
    SharedGenerator,
    /// <summary>Gas CHP: heat into the park's heat network, power to the grid.</summary>
    Chp,
    /// <summary>Coal boiler: covers the heat the CHPs do not.</summary>
    Boiler,
    OnsiteStorage,
    SharedStorage,
}

/// <summary>One asset's place in the park: its role, the enterprise it serves (index, or −1) and its share of its role's signal.</summary>
public sealed record AssetSlot(AssetSpec Spec, AssetRole Role, int Enterprise, double SignalShare);

/// <summary>
/// The fixed structure of a park for a run: its enterprises (sorted by id) and assets (sorted by id) with their roles.
/// Fuel-burning assets are shared facilities whoever owns them: their fuel and Scope 1 are booked to the park.
/// </summary>
public sealed class ParkLayout
{
    public ParkLayout(ParkSpec park, IEnumerable<EnterpriseSpec> enterprises, IEnumerable<AssetSpec> assets)
    {
        Park = park;
        Enterprises = enterprises.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
        var index = Enterprises.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var sorted = assets.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        var roles = sorted.Select(a => (Spec: a, Role: RoleOf(a, index), Enterprise: index.GetValueOrDefault(a.Owner, -1))).ToArray();
        Assets = roles.Select(r => new AssetSlot(r.Spec, r.Role, r.Enterprise, Share(r, roles))).ToArray();
    }

    public ParkSpec Park { get; }
    public EnterpriseSpec[] Enterprises { get; }
    public AssetSlot[] Assets { get; }

    public IEnumerable<int> AssetsIn(params AssetRole[] roles) =>
        Enumerable.Range(0, Assets.Length).Where(i => roles.Contains(Assets[i].Role));

    static AssetRole RoleOf(AssetSpec asset, Dictionary<string, int> enterprises)
    {
        var onsite = enterprises.ContainsKey(asset.Owner);
        return asset.Kind switch
        {
            AssetKind.GasChp => AssetRole.Chp,
            AssetKind.CoalBoiler => AssetRole.Boiler,
            AssetKind.Storage => onsite ? AssetRole.OnsiteStorage : AssetRole.SharedStorage,
            AssetKind.CoalPower or AssetKind.GasPower => throw new InputException($"assets.{asset.Id}.kind", "power plants belong to the grid, not to a park"),
            _ => onsite ? AssetRole.OnsiteGenerator : AssetRole.SharedGenerator,
        };
    }

    /// <summary>Boilers split the heat demand by capacity; batteries serving the same pool split its balance by energy.</summary>
    static double Share((AssetSpec Spec, AssetRole Role, int Enterprise) slot, (AssetSpec Spec, AssetRole Role, int Enterprise)[] all)
    {
        if (slot.Role is not (AssetRole.Boiler or AssetRole.OnsiteStorage or AssetRole.SharedStorage)) return 1;
        static double Size(AssetSpec a) => a.Kind == AssetKind.Storage ? a.EnergyMWh : a.CapacityMW;
        // Boilers all serve the park's heat network; batteries split the balance of the pool they serve (an owner's or the park's).
        var peers = all.Where(o => o.Role == slot.Role && (slot.Role == AssetRole.Boiler || o.Enterprise == slot.Enterprise)).Sum(o => Size(o.Spec));
        return peers > 0 ? Size(slot.Spec) / peers : 0;
    }
}
