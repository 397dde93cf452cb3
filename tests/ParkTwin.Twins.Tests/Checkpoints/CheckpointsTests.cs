using ParkTwin.Grains.State;

namespace ParkTwin.Twins.Tests.Checkpoints;

/// <summary>The two snapshots a grain keeps, and which one a rollback takes.</summary>
public sealed class CheckpointsTests
{
    sealed record Snap(int Tick);

    [Fact]
    public void Pushing_keeps_the_newest_two()
    {
        var c = new Checkpoints<Snap>();
        c.Push(new Snap(29), s => s.Tick);
        c.Push(new Snap(59), s => s.Tick);
        c.Push(new Snap(89), s => s.Tick);
        Assert.Equal(89, c.Newest!.Tick);
        Assert.Equal(59, c.Previous!.Tick);
    }

    [Fact]
    public void A_grain_ahead_of_the_complete_checkpoint_restores_the_older_snapshot()
    {
        var c = new Checkpoints<Snap>();
        c.Push(new Snap(59), s => s.Tick);
        c.Push(new Snap(89), s => s.Tick);
        Assert.Equal(59, c.At(59, s => s.Tick, "e").Tick);
        Assert.Throws<InvalidOperationException>(() => c.At(29, s => s.Tick, "e"));
    }

    [Fact]
    public void After_a_rollback_a_rewritten_checkpoint_replaces_the_stale_one()
    {
        var c = new Checkpoints<Snap>();
        c.Push(new Snap(59), s => s.Tick);
        c.Push(new Snap(89), s => s.Tick);   // written before the crash, never completed
        c.Push(new Snap(89), s => s.Tick);   // written again after rolling back to 59
        Assert.Equal(89, c.Newest!.Tick);
        Assert.Equal(59, c.Previous!.Tick);
    }
}
