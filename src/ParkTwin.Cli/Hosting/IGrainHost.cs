namespace ParkTwin.Cli.Hosting;

/// <summary>Where a command's grains run: an embedded silo in this process, or a cluster reached as a client.</summary>
public interface IGrainHost : IAsyncDisposable
{
    IGrainFactory Grains { get; }

    /// <summary>True when the silos are other processes, which may die while this one goes on.</summary>
    bool IsRemote { get; }

    static async Task<IGrainHost> StartAsync(StorageSettings storage) =>
        storage.Cluster ? await ClusterClient.ConnectAsync(storage) : await EmbeddedCluster.StartAsync(storage.GrainStorage);
}
