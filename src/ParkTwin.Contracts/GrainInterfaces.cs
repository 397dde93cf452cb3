using ParkTwin.Domain.Twin;

namespace ParkTwin.Contracts;

/// <summary>Keys: "&lt;world&gt;/&lt;entity id&gt;"; the world is "live" or a run id. The province grain's key is the world alone.</summary>
public static class TwinKey
{
    public const string Live = "live";

    public static string Of(string world, string id) => $"{world}/{id}";

    public static (string World, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}

[Alias("parktwin.enterprise")]
public interface IEnterpriseGrain : IGrainWithStringKey
{
    [Alias("init")] Task InitializeAsync(EnterpriseSetup setup);
    [Alias("plan")] Task<DemandPlan> PlanAsync(TickSpan window);
    [Alias("settle")] Task<SettleReply> SettleAsync(SettleRequest request);
    [Alias("award-green")] Task AwardGreenPowerAsync(int month, double share);
    [Alias("ledger")] Task<LedgerView> GetLedgerAsync();
    [Alias("hourly")] Task<HourlyView> GetCurrentHoursAsync();
    /// <summary>
    /// Rebuilds the twin from <paramref name="setup"/> and puts it back to <paramref name="snapshot"/> (null: the start
    /// of the run). Its park keeps both: an enterprise stores nothing itself.
    /// </summary>
    [Alias("restore")] Task RestoreAsync(EnterpriseSetup setup, EnterpriseState? snapshot);
    /// <summary>The run is over: leave memory (what was stored stays stored).</summary>
    [Alias("retire")] Task RetireAsync();
}

[Alias("parktwin.asset")]
public interface IEnergyAssetGrain : IGrainWithStringKey
{
    [Alias("init")] Task InitializeAsync(AssetSetup setup);
    [Alias("step")] Task<AssetStepReply> StepAsync(TickSpan window, double[] signal);
    [Alias("ledger")] Task<LedgerView> GetLedgerAsync();
    /// <summary>
    /// Rebuilds the twin from <paramref name="setup"/> and puts it back to <paramref name="snapshot"/> (null: the start
    /// of the run). Its park (or, for a grid plant, the province) keeps both: an asset stores nothing itself.
    /// </summary>
    [Alias("restore")] Task RestoreAsync(AssetSetup setup, AssetState? snapshot);
    /// <summary>The run is over: leave memory (what was stored stays stored).</summary>
    [Alias("retire")] Task RetireAsync();
}

[Alias("parktwin.park")]
public interface IParkGrain : IGrainWithStringKey
{
    [Alias("init")] Task InitializeAsync(ParkSetup setup);
    [Alias("step")] Task<double[]> StepAsync(TickSpan window, TickSpan? next, double[] greenPool, Dictionary<string, double[]> bilateral);
    [Alias("award-green")] Task AwardGreenPowerAsync(int month, Dictionary<string, double> enterpriseShares);
    [Alias("ledger")] Task<LedgerView> GetLedgerAsync();
    [Alias("members")] Task<string[]> GetEnterpriseIdsAsync();
    /// <summary>Puts its members, then itself, back to the checkpoint taken after <paramref name="tick"/> (−1: the start).</summary>
    [Alias("restore")] Task RestoreAsync(int tick);
    /// <summary>The run is over: its members, then the park, leave memory (what was stored stays stored).</summary>
    [Alias("retire")] Task RetireAsync();
}

[Alias("parktwin.province")]
public interface IProvinceGrain : IGrainWithStringKey
{
    [Alias("init")] Task InitializeAsync(ProvinceSetup setup);
    [Alias("step")] Task<ProvinceTickReply> StepAsync(TickSpan window, TickSpan? next);
    /// <summary>Hands a month's green-power market result down to the grid plants' pool and the buying enterprises.</summary>
    [Alias("award-green")] Task AwardGreenPowerAsync(GreenPowerAward award);
    /// <summary>The year's bilateral green-power contracts (as-produced shares of grid plants).</summary>
    [Alias("sign-green")] Task SignGreenContractsAsync(GreenContract[] contracts);
    /// <summary>Parks' total ledger and the grid's ledger.</summary>
    [Alias("ledgers")] Task<LedgerView[]> GetLedgersAsync();
    /// <summary>
    /// Puts every twin of the world back to the last complete checkpoint (the last tick after which every park
    /// confirmed its checkpoint; −1 when there is none) and returns that tick: the driver continues after it.
    /// </summary>
    [Alias("rollback")] Task<int> RollBackToCheckpointAsync();
    /// <summary>
    /// The run is over and its results are read: every twin of the world leaves memory (a multi-year scenario
    /// retires each year's world before the next; what was stored stays stored).
    /// </summary>
    [Alias("retire")] Task RetireAsync();
}
