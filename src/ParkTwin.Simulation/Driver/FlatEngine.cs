using ParkTwin.Domain.Time;
using ParkTwin.Simulation.Kernel;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Driver;

public sealed class FlatEngine(ProvinceModel model) : IProvinceEngine
{
    FlatKernel? kernel;

    public ProvinceModel Model => model;

    public Task SetupAsync()
    {
        kernel = new FlatKernel(model);
        return Task.CompletedTask;
    }

    public Task StepAsync(TickWindow window, TickWindow? next) => kernel!.StepAsync(window, next);

    public Task AwardGreenPowerAsync(Domain.Twin.GreenPowerAward award)
    {
        kernel!.AwardGreenPower(award);
        return Task.CompletedTask;
    }

    public Task SignGreenContractsAsync(Domain.Twin.GreenContract[] contracts)
    {
        kernel!.SignGreenContracts(contracts);
        return Task.CompletedTask;
    }

    public Task<RunBooks> BooksAsync() => Task.FromResult(kernel!.Books());

    public Task<int> RollBackAsync() => throw new NotSupportedException("the flat kernel keeps no checkpoints: it runs in one process from start to end");

    public Task RetireAsync() => Task.CompletedTask;
}
