namespace ParkTwin.Grains.Markets;

/// <summary>The grain storage provider and state names of the market grains.</summary>
public static class MarketStorage
{
    /// <summary>The twins' storage provider (memory, or PostgreSQL with --storage postgres), see SiloSetup.</summary>
    public const string Provider = State.StateNames.Storage;
    public const string Certificates = "certificates";
    public const string Allowances = "allowances";
    public const string GreenPower = "greenpower";

    /// <summary>
    /// Persists an applied operation before answering. If the write fails, the activation is dropped: its memory is
    /// ahead of storage, and a retry with the same operation id must find the operation not yet applied.
    /// </summary>
    /// <summary>A batch: written once if any of its operations was applied.</summary>
    public static async Task<Domain.Markets.OperationResult[]> PersistAsync(Grain grain, Domain.Markets.OperationResult[] results, Func<Task> write)
    {
        if (results.Any(r => r.Status == Domain.Markets.OperationStatus.Applied))
            await PersistAsync(grain, Domain.Markets.OperationResult.Applied, write);
        return results;
    }

    public static async Task<Domain.Markets.OperationResult> PersistAsync(Grain grain, Domain.Markets.OperationResult result, Func<Task> write)
    {
        if (result.Status != Domain.Markets.OperationStatus.Applied) return result;
        try
        {
            await write();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
        return result;
    }
}
