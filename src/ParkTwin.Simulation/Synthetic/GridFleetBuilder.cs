using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>
/// Splits each grid fleet target (capacity × scale) into plant-sized units owned by "grid". The units of a
/// kind add up to the target; below one unit's minimum a kind is a single plant, so every kind is present.
/// </summary>
sealed class GridFleetBuilder(ProvinceData province)
{
    public const string GridOwner = "grid";

    public IEnumerable<AssetSpec> Build(int seed, double scale)
    {
        foreach (var target in province.GridFleet)
        {
            var name = target.Kind.Name();
            var random = Draw.For(seed, "grid/" + name);
            var remaining = Math.Round(target.CapacityMW * scale, 1);
            var n = 0;
            while (remaining > 0)
            {
                var size = Math.Round(Draw.LogUniform(random, target.UnitMinMW, target.UnitMaxMW), 1);
                if (remaining - size < target.UnitMinMW) size = remaining;
                remaining = Math.Round(remaining - size, 1);
                var energy = target.Kind == AssetKind.Storage ? size * 2 : 0;
                yield return new AssetSpec
                {
                    Id = $"G-{name}-{++n:000}",
                    Kind = target.Kind,
                    Owner = GridOwner,
                    Prefecture = random.ArrayElement(target.Sites.ToArray()),
                    CapacityMW = size,
                    EnergyMWh = energy,
                };
            }
        }
    }
}
