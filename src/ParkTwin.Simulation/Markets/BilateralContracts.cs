using ParkTwin.Domain;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Markets;

/// <summary>A signed bilateral contract: an as-produced share of a plant for a year, its expected volume and its price.</summary>
public sealed record SignedContract(GreenContract Twin, string Seller, double AnnualMWh, double Price);

/// <summary>
/// Bilateral green-power contracts (physical, as-produced PPAs): the contracts listed in markets.yaml, and the
/// generated ones — the largest buyers each sign with the grid plant that has most of its generation left
/// uncontracted. A plant never contracts more than what it keeps out of the monthly market (1 − offerShare).
/// </summary>
public static class BilateralContracts
{
    public static IReadOnlyList<SignedContract> Sign(ProvinceModel model, GreenPowerSettings settings, Func<AssetSpec, double> expectedAnnualMWh)
    {
        var bilateral = settings.Bilateral;
        if (!bilateral.Enabled) return [];
        var kinds = bilateral.SellerKinds.Select(GreenSide.KindOf).ToHashSet();
        var plants = model.GridAssets.Select((a, i) => (Index: i, Spec: a)).ToArray();
        var parkOf = model.Parks.SelectMany((p, i) => p.Enterprises.Select(e => (e, i))).ToDictionary(x => x.e.Id, x => (Spec: x.e, Park: x.i), StringComparer.Ordinal);
        var marketKinds = settings.Enabled ? settings.SellerKinds.Select(GreenSide.KindOf).ToHashSet() : [];
        var left = plants.ToDictionary(p => p.Spec.Id, p => marketKinds.Contains(p.Spec.Kind) ? 1 - settings.OfferShare : 1.0, StringComparer.Ordinal);
        var signed = new List<SignedContract>();

        for (var i = 0; i < bilateral.Contracts.Count; i++)
        {
            var c = bilateral.Contracts[i];
            var path = $"greenPower.bilateral.contracts[{i}]";
            var plant = plants.FirstOrDefault(p => p.Spec.Id == c.Seller);
            if (plant.Spec is null) throw new InputException(path + ".seller", $"no grid plant '{c.Seller}'");
            if (!parkOf.TryGetValue(c.Buyer ?? "", out var buyer)) throw new InputException(path + ".buyer", $"no enterprise '{c.Buyer}'");
            if (!double.IsFinite(c.AnnualMWh) || c.AnnualMWh <= 0) throw new InputException(path + ".annualMWh", "must be a positive number");
            if (!double.IsFinite(c.Price) || c.Price < 0) throw new InputException(path + ".price", "must be a non-negative number");
            var share = c.AnnualMWh / expectedAnnualMWh(plant.Spec);
            if (share > left[plant.Spec.Id] + 1e-12)
                throw new InputException(path + ".annualMWh", $"{c.Seller} has only {left[plant.Spec.Id] * expectedAnnualMWh(plant.Spec):F0} MWh a year left to contract");
            left[plant.Spec.Id] -= share;
            signed.Add(new SignedContract(new GreenContract(c.Id ?? $"PPA-{i}", plant.Index, buyer.Park, buyer.Spec.Id, share), plant.Spec.Id, c.AnnualMWh, c.Price));
        }

        var sellers = plants.Where(p => kinds.Contains(p.Spec.Kind)).OrderByDescending(p => p.Spec.CapacityMW).ThenBy(p => p.Spec.Id, StringComparer.Ordinal).ToArray();
        var buyers = parkOf.Values.Where(b => settings.Buyers.ContainsKey(b.Spec.Industry))
            .Select(b => (b.Spec, b.Park, AnnualMWh: b.Spec.AnnualOutput * model.Industries[b.Spec.Industry].ElectricityMWhPerUnit * b.Spec.Efficiency))
            .OrderByDescending(b => b.AnnualMWh).ThenBy(b => b.Spec.Id, StringComparer.Ordinal)
            .Take(bilateral.LargestBuyers);
        foreach (var b in buyers)
        {
            if (sellers.Length == 0) break;
            var plant = sellers.OrderByDescending(p => left[p.Spec.Id] * expectedAnnualMWh(p.Spec)).First();
            var expected = expectedAnnualMWh(plant.Spec);
            var share = Math.Min(left[plant.Spec.Id], bilateral.ShareOfDemand * b.AnnualMWh / expected);
            if (share <= 0) break;
            left[plant.Spec.Id] -= share;
            signed.Add(new SignedContract(new GreenContract($"PPA-{b.Spec.Id}-{plant.Spec.Id}", plant.Index, b.Park, b.Spec.Id, share),
                plant.Spec.Id, share * expected, bilateral.Price));
        }
        return signed;
    }
}
