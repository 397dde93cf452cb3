using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Factors;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Policies;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// One year of a scenario made ready to run: the enterprises' decisions taken on 1 January, the policies and
/// shocks of the year resolved into the inventory (measures, retired and new assets) and the market settings,
/// and the model built from them. The engines and the market stage run it as any other year.
/// </summary>
public sealed class ScenarioYear
{
    ScenarioYear(ProvinceModel model, MarketSettings markets, PolicyYear policies, ScenarioState state)
    {
        Model = model;
        Markets = markets;
        Policies = policies;
        State = state;
    }

    public ProvinceModel Model { get; }
    public MarketSettings Markets { get; }
    public PolicyYear Policies { get; }
    public ScenarioState State { get; }

    public static ScenarioYear Prepare(Scenario scenario, int year, ScenarioState state, ElectricityMethod method = ElectricityMethod.CalorificEquivalent,
        int checkpointEvery = 0)
    {
        var policies = new PolicyYear(year, scenario.Policies, scenario.Shocks, scenario.Inventory);
        var industries = IndustryCatalogue.Default.All.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var factors = RunSetup.Factors(FactorTable.Default, scenario.Inventory.Province, year, method);
        var markets = MarketPolicies.Apply(policies, scenario.Markets, scenario.Inventory);
        var adopted = state.Decide(scenario, policies, markets, factors, industries);
        var inventory = policies.RetireAssets(adopted.Inventory);
        inventory = PolicyMeasures.Apply(policies, inventory, factors, industries, adopted.Measures);
        // Mandates and discounts name enterprises of the final inventory (overrides applied, nothing removed since).
        var model = RunSetup.Model(inventory, year, scenario.Seed, method, checkpointEvery, markets.Certificates.RetireForScope2, policies.HydroAvailability());
        return new ScenarioYear(model, markets, policies, state);
    }

    public MarketStage? Stage(IMarketDesk desk) => Markets.Any ? new MarketStage(Model, Markets, desk, State.Carry) : null;

    /// <summary>The year's market rows with the policy rows (entity "policy") and the decisions' rows after them.</summary>
    public IReadOnlyList<TidyRow> Rows(IReadOnlyList<TidyRow>? marketRows, RunBooks books) =>
        (marketRows ?? []).Concat(PolicyCosts.Rows(Policies, Model.Inventory, books, Markets)).Concat(State.Rows(Policies.Year)).ToList();

    /// <summary>Closes the year: what it leaves to the next (certificates in transit to the ETS, prices seen).</summary>
    public Task FinishAsync(RunBooks books, MarketStage? stage) => State.FinishYearAsync(Policies.Year, books, stage);
}
