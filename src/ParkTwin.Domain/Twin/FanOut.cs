namespace ParkTwin.Domain.Twin;

/// <summary>Bounded fan-out: at most <c>limit</c> calls in flight, results in index order whatever order they finish in.</summary>
public static class FanOut
{
    public static async ValueTask<T[]> RunAsync<T>(IReadOnlyList<int> items, int limit, Func<int, ValueTask<T>> call)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "at least one call must be allowed in flight");
        var results = new T[items.Count];
        if (items.Count == 0) return results;
        var next = 0;
        async Task Worker()
        {
            while (true)
            {
                var k = Interlocked.Increment(ref next) - 1;
                if (k >= items.Count) return;
                results[k] = await call(items[k]);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(limit, items.Count)).Select(_ => Worker()));
        return results;
    }
}
