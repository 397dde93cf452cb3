using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Policies;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// What a scenario carries from one year into the next: the certificates still on their way to the ETS, the
/// prices last seen (the enterprises' expectations), and every adoption so far with the learning it brought.
/// </summary>
public sealed class ScenarioState
{
    public RecognitionCarry Carry { get; private set; } = new();
    /// <summary>Last year's volume-weighted clearing prices; null before the first year or where nothing traded.</summary>
    public double? CarbonPrice { get; private set; }
    public double? GreenPrice { get; private set; }

    /// <summary>The year's inventory with the assets the adoptions built, and each enterprise's adopted measures.</summary>
    public (ProvinceInventory Inventory, Func<EnterpriseSpec, EnterpriseMeasures> Measures) Decide(Scenario scenario, PolicyYear year,
        MarketSettings markets, RunFactors factors, IReadOnlyDictionary<string, IndustryProfile> industries) =>
        (scenario.Inventory, _ => EnterpriseMeasures.None);

    public IEnumerable<TidyRow> Rows(int year) => [];

    public async Task FinishYearAsync(int year, RunBooks books, MarketStage? stage)
    {
        Carry = Carry.Next();
        if (stage is null) return;
        var (carbon, green) = await stage.AveragePricesAsync();
        CarbonPrice = carbon ?? CarbonPrice;
        GreenPrice = green ?? GreenPrice;
    }
}
