using ParkTwin.Contracts;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Grains.State;

/// <summary>
/// A grain's last two checkpoints. Two, because a crash can come while a checkpoint is being written: some grains
/// then hold checkpoint C and others only C − N, and everyone goes back to the last checkpoint the province
/// recorded as complete, which every grain still has.
/// </summary>
[GenerateSerializer]
public sealed class Checkpoints<TSnapshot> where TSnapshot : class
{
    [Id(0)] public TSnapshot? Newest { get; set; }
    [Id(1)] public TSnapshot? Previous { get; set; }

    /// <summary>Adds a snapshot, dropping any at or after its tick (left over from before a rollback) and all but one older.</summary>
    public void Push(TSnapshot snapshot, Func<TSnapshot, int> tickOf)
    {
        var tick = tickOf(snapshot);
        Previous = new[] { Newest, Previous }.Where(s => s is not null && tickOf(s) < tick).MaxBy(s => tickOf(s!));
        Newest = snapshot;
    }

    /// <summary>The snapshot taken after <paramref name="tick"/>; throws when this grain does not have it.</summary>
    public TSnapshot At(int tick, Func<TSnapshot, int> tickOf, string grain) =>
        new[] { Newest, Previous }.FirstOrDefault(s => s is not null && tickOf(s) == tick)
        ?? throw new InvalidOperationException(
            $"{grain} has no checkpoint after tick {tick} (it has {string.Join(", ", new[] { Newest, Previous }.Where(s => s is not null).Select(s => tickOf(s!)))}); its stored state does not match the province's");
}

/// <summary>What a grain was set up with, kept so that a grain reactivated on another silo can rebuild its twin.</summary>
[GenerateSerializer]
public sealed class SetupState<TSetup> where TSetup : class
{
    [Id(0)] public TSetup? Value { get; set; }
}

/// <summary>
/// The province's setup, slimmed to what stepping needs: the ids of its parks, and its grid plants with their specs
/// and the run's settings (it hands a plant its setup again on a roll-back, as a park does its members).
/// </summary>
[GenerateSerializer]
public sealed record ProvinceRoster(
    [property: Id(0)] string[] Parks,
    [property: Id(1)] string[] GridAssets,
    [property: Id(2)] int Year,
    [property: Id(3)] int FanOut,
    [property: Id(4)] int CheckpointEvery,
    [property: Id(5)] AssetSpec[] GridSpecs,
    [property: Id(6)] TwinSettings Settings);

/// <summary>
/// One park's checkpoint, one row: its own snapshot and those of its enterprises and assets (in layout order), which
/// they returned with their answers to the checkpoint tick.
/// </summary>
[GenerateSerializer]
public sealed record ParkCheckpoint(
    [property: Id(0)] ParkState Park,
    [property: Id(1)] EnterpriseState[] Enterprises,
    [property: Id(2)] AssetState[] Assets)
{
    public int Tick => Park.Tick;
}

/// <summary>The province's checkpoint, one row: its own snapshot and those of its grid plants (in roster order).</summary>
[GenerateSerializer]
public sealed record ProvinceCheckpoint(
    [property: Id(0)] ProvinceSnapshot Province,
    [property: Id(1)] AssetState[] Plants)
{
    public int Tick => Province.Tick;
}

/// <summary>The storage provider every ParkTwin grain state lives in; each grain type has state names of its own.</summary>
public static class StateNames
{
    public const string Storage = "parktwin";
}
