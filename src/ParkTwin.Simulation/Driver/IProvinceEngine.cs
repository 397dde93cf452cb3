using ParkTwin.Domain.Time;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Driver;

/// <summary>Something that steps a province: the grains (<see cref="GrainEngine"/>) or the flat kernel (<see cref="FlatEngine"/>).</summary>
public interface IProvinceEngine
{
    ProvinceModel Model { get; }
    Task SetupAsync();
    Task StepAsync(TickWindow window, TickWindow? next);
    /// <summary>Hands a month's green-power market result to the twins, before the month's first tick.</summary>
    Task AwardGreenPowerAsync(Domain.Twin.GreenPowerAward award);
    /// <summary>Hands the year's bilateral green-power contracts to the twins, before the first tick.</summary>
    Task SignGreenContractsAsync(Domain.Twin.GreenContract[] contracts);
    Task<RunBooks> BooksAsync();

    /// <summary>Puts every twin back to the last complete checkpoint and returns its tick (−1: the start of the run).</summary>
    Task<int> RollBackAsync();

    /// <summary>The run is over and its books are read: its twins leave memory (nothing to do for the flat kernel).</summary>
    Task RetireAsync();
}
