using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

public sealed class FanOutTests
{
    [Fact]
    public async Task Results_come_back_in_index_order_whatever_order_calls_finish_in()
    {
        // Item k waits (20 − k) × 5 ms: later items finish first.
        var items = Enumerable.Range(0, 20).Select(i => i * 10).ToArray();
        var finished = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var results = await FanOut.RunAsync(items, 20, async item =>
        {
            await Task.Delay((20 - item / 10) * 5);
            finished.Enqueue(item);
            return $"r{item}";
        });
        Assert.Equal(items.Select(i => $"r{i}").ToArray(), results);
        Assert.NotEqual(items, finished.ToArray()); // they really did finish out of order
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Never_more_than_limit_calls_are_in_flight(int limit)
    {
        var inFlight = 0;
        var most = 0;
        var calls = 0;
        var items = Enumerable.Range(0, 40).ToArray();
        var results = await FanOut.RunAsync(items, limit, async item =>
        {
            var now = Interlocked.Increment(ref inFlight);
            Interlocked.Increment(ref calls);
            int seen;
            while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen) { }
            await Task.Delay(2 + item % 3);
            Interlocked.Decrement(ref inFlight);
            return item * item;
        });
        Assert.InRange(most, 1, limit);
        Assert.Equal(limit, most); // 40 items of a few ms each keep every worker busy
        Assert.Equal(40, calls);
        Assert.Equal(items.Select(i => i * i).ToArray(), results);
    }

    [Fact]
    public async Task An_empty_list_returns_an_empty_array_without_calls()
    {
        var results = await FanOut.RunAsync<int>([], 4, _ => throw new InvalidOperationException("no call expected"));
        Assert.Empty(results);
    }
}
