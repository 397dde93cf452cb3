using ParkTwin.Contracts;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Driver;

/// <summary>Steps the province through its grains in one world (a run id): province → parks → enterprises and assets.</summary>
public sealed class GrainEngine(IGrainFactory grains, ProvinceModel model, string world) : IProvinceEngine
{
    readonly IProvinceGrain province = grains.GetGrain<IProvinceGrain>(world);

    public ProvinceModel Model => model;
    public string World => world;

    public Task SetupAsync()
    {
        var settings = model.Settings;
        var parks = model.Parks.Select(p => new ParkSetup(
            p.Park,
            p.Enterprises,
            p.Assets.Select(a => a.Spec).ToArray(),
            p.Enterprises.Select(e => e.Industry).Distinct().ToDictionary(i => i, i => model.Industries[i]),
            settings)).ToArray();
        return province.InitializeAsync(new ProvinceSetup(parks, model.GridAssets, settings));
    }

    public Task<int> RollBackAsync() => province.RollBackToCheckpointAsync();

    public Task RetireAsync() => province.RetireAsync();

    public Task StepAsync(TickWindow window, TickWindow? next) => province.StepAsync(TickSpan.Of(window), TickSpan.Of(next));

    public Task AwardGreenPowerAsync(GreenPowerAward award) => province.AwardGreenPowerAsync(award);

    public Task SignGreenContractsAsync(GreenContract[] contracts) => province.SignGreenContractsAsync(contracts);

    public async Task<RunBooks> BooksAsync()
    {
        var fanOut = model.Settings.FanOut * 4;
        var enterpriseIds = model.Parks.SelectMany(p => p.Enterprises).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        var enterprises = await FanOut.RunAsync(Enumerable.Range(0, enterpriseIds.Length).ToArray(), fanOut,
            async i => (enterpriseIds[i], (await grains.GetGrain<IEnterpriseGrain>(TwinKey.Of(world, enterpriseIds[i])).GetLedgerAsync()).ToLedger()));
        var parks = await FanOut.RunAsync(Enumerable.Range(0, model.Parks.Length).ToArray(), fanOut,
            async i => (model.Parks[i].Park.Id, (await grains.GetGrain<IParkGrain>(TwinKey.Of(world, model.Parks[i].Park.Id)).GetLedgerAsync()).ToLedger()));
        var totals = await province.GetLedgersAsync();
        return new RunBooks(enterprises, parks, totals[0].ToLedger(), totals[1].ToLedger());
    }
}
