using ParkTwin.Domain.Profiles;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// Everything a twin needs besides its own spec to step one simulated year: the year, the seed, the resolved
/// factors and the shape and asset parameters (each possibly overridden by a scenario).
/// </summary>
public sealed record TwinSettings
{
    public required int Year { get; init; }
    public required ulong Seed { get; init; }
    public required RunFactors Factors { get; init; }
    public required ProfileParameters Profiles { get; init; }
    public required AssetParameters Assets { get; init; }
    public required GenerationClimate Climate { get; init; }
    /// <summary>Multiplier on hydro inflow per month (12 values; 1 = a normal year).</summary>
    public double[] HydroAvailability { get; init; } = Enumerable.Repeat(1.0, 12).ToArray();
    /// <summary>Most calls a coordinator keeps in flight at once.</summary>
    public int FanOut { get; init; } = 64;
    /// <summary>
    /// Grains write a checkpoint after every N-th tick (ticks N−1, 2N−1, …); 0 = never (the in-memory default, so
    /// that a plain run writes nothing). Results do not depend on it.
    /// </summary>
    public int CheckpointEvery { get; init; }

    /// <summary>True when tick <paramref name="tick"/> ends a checkpoint interval.</summary>
    public bool IsCheckpoint(int tick) => CheckpointEvery > 0 && (tick + 1) % CheckpointEvery == 0;
}
