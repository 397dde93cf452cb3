using Bogus;
using ParkTwin.Domain.Randomness;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>Seeded random helpers on top of Bogus's <see cref="Randomizer"/> (never the global Randomizer.Seed).</summary>
static class Draw
{
    /// <summary>A private Randomizer for one stage or entity: a pure function of (seed, name).</summary>
    public static Randomizer For(int seed, string name) => new((int)(Noise.Key((ulong)(uint)seed, name) & 0x7FFF_FFFF));

    /// <summary>Index drawn with probability proportional to its weight (weights ≥ 0, not all 0).</summary>
    public static int Weighted(Randomizer random, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = random.Double() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) return i;
        }
        for (var i = weights.Count - 1; i >= 0; i--)
            if (weights[i] > 0) return i;
        return 0;
    }

    /// <summary>Up to <paramref name="count"/> distinct indices, each drawn by weight among those left.</summary>
    public static List<int> WeightedDistinct(Randomizer random, IReadOnlyList<double> weights, int count)
    {
        var left = weights.ToArray();
        var picked = new List<int>();
        while (picked.Count < count && left.Any(w => w > 0))
        {
            var i = Weighted(random, left);
            picked.Add(i);
            left[i] = 0;
        }
        return picked;
    }

    public static double Uniform(Randomizer random, double min, double max) => min + random.Double() * (max - min);

    public static double LogUniform(Randomizer random, double min, double max) =>
        min * Math.Pow(max / min, random.Double());

    /// <summary>Skewed size in [min, max]: min × (max/min)^(u^skew); skew &gt; 1 makes most draws small.</summary>
    public static double Skewed(Randomizer random, double min, double max, double skew) =>
        min * Math.Pow(max / min, Math.Pow(random.Double(), skew));

    /// <summary>Log-normal multiplier with median 1.</summary>
    public static double LogNormal(Randomizer random, double sigma)
    {
        var u1 = 1 - random.Double();
        var u2 = random.Double();
        return Math.Exp(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Splits <paramref name="total"/> into integers proportional to weights (largest remainder, ties by index).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var counts = new int[weights.Count];
        if (total <= 0 || sum <= 0) return counts;
        var exact = weights.Select(w => total * w / sum).ToArray();
        for (var i = 0; i < counts.Length; i++) counts[i] = (int)Math.Floor(exact[i]);
        var order = Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).ToList();
        var missing = total - counts.Sum();
        for (var k = 0; k < missing; k++) counts[order[k % order.Count]]++;
        return counts;
    }
}
