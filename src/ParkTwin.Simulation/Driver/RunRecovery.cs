namespace ParkTwin.Simulation.Driver;

/// <summary>
/// How a driver outlives a silo: when a tick fails with a cluster failure, it waits for membership to settle, asks
/// the province to roll every twin back to the last complete checkpoint, and steps on from there. Attempts are
/// bounded so that a run whose cluster is gone ends with an error instead of waiting forever.
/// </summary>
public sealed record RunRecovery(int MaxAttempts, TimeSpan Delay, Action<string> Log)
{
    /// <summary>Failures of the cluster, not of the run: a silo gone, a message rejected or lost, a call timed out.</summary>
    public static bool IsClusterFailure(Exception e) => e switch
    {
        OperationCanceledException => false,
        AggregateException a => a.InnerExceptions.Any(IsClusterFailure),
        TimeoutException or Orleans.Runtime.OrleansException or Orleans.Runtime.Messaging.ConnectionFailedException => true,
        _ => e.InnerException is { } inner && IsClusterFailure(inner),
    };
}
