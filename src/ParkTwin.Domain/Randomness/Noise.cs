namespace ParkTwin.Domain.Randomness;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of (seed, entity, counter), so the
/// numbers an entity sees at an hour never depend on the order or batching of calls (tick length,
/// number of silos, scheduling).
/// </summary>
public static class Noise
{
    /// <summary>A stable 64-bit key for a text id (FNV-1a); string.GetHashCode is randomised per process.</summary>
    public static ulong Key(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    public static ulong Key(ulong seed, string text) => Mix(seed ^ Key(text));

    /// <summary>SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(ulong key, long counter) =>
        (Mix(key ^ (ulong)counter * 0xD6E8FEB86659FD93UL) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Symmetric in [-1, 1).</summary>
    public static double Signed(ulong key, long counter) => 2 * Uniform(key, counter) - 1;

    /// <summary>Approximately standard normal (sum of four uniforms, rescaled): cheap, bounded at ±3.46.</summary>
    public static double Normal(ulong key, long counter)
    {
        var k = Mix(key ^ (ulong)counter * 0xD6E8FEB86659FD93UL);
        double s = (k & 0xFFFF) + ((k >> 16) & 0xFFFF) + ((k >> 32) & 0xFFFF) + (k >> 48);
        return (s / 65536.0 - 2.0) * 1.7320508075688772;
    }

    /// <summary>
    /// Smooth "weather" noise: normal values at knots every <paramref name="period"/> hours, cosine-interpolated
    /// between them, so neighbouring hours are correlated (cloudy days, windy spells).
    /// </summary>
    public static double Smooth(ulong key, int hour, int period)
    {
        var knot = hour / period;
        var t = (hour - knot * period) / (double)period;
        var w = (1 - Math.Cos(Math.PI * t)) * 0.5;
        return Normal(key, knot) * (1 - w) + Normal(key, knot + 1) * w;
    }
}
