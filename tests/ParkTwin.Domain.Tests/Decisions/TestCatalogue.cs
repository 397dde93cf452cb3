using ParkTwin.Domain.Decisions;

namespace ParkTwin.Domain.Tests.Decisions;

/// <summary>
/// A catalogue with round numbers for hand calculations: fuel at 30 CNY/tce, electricity 100 CNY/MWh, heat
/// 10 CNY/GJ, time-of-use 200/50. Every option applies only to industry "other" unless a test replaces its block,
/// so that a test enterprise of industry "widgets" sees just the options under test.
/// </summary>
static class TestCatalogue
{
    public const string Industry = "widgets";

    public static string Option(
        string id, string industries = "[other]", string effect = "{}", double capex = 0, string per = "none",
        int lifetime = 5, int build = 0, double learningRate = 0.2, double installedBase = 10, string opex = "{}",
        string? extra = null)
    {
        extra ??= id switch
        {
            AbatementOptionIds.OnsitePv => "    pv: { shareOfDemand: 0.15, capacityFactor: 0.11, maxMW: 20 }\n",
            AbatementOptionIds.Storage => "    requires: onsite_pv\n    storage: { powerShareOfPv: 0.2, hours: 2, cyclesPerYear: 300, roundTripEfficiency: 0.85 }\n",
            AbatementOptionIds.GreenPowerContract => "    greenPower: { shareOfDemand: 0.3 }\n",
            _ => "",
        };
        return $"""
                  - id: {id}
                    industries: {industries}
                    effect: {effect}
                    capex: {"{"} cny: {capex}, per: {per} {"}"}
                    opex: {opex}
                    lifetimeYears: {lifetime}
                    buildMonths: {build}
                    learning: {"{"} rate: {learningRate}, installedBase: {installedBase} {"}"}
                    source: test

                """ + extra;
    }

    /// <summary>The YAML text: the given option blocks replace the defaults of their ids.</summary>
    public static string Yaml(params string[] blocks)
    {
        var options = AbatementOptionIds.All
            .Select(id => blocks.FirstOrDefault(b => b.Contains($"- id: {id}\n")) ?? Option(id));
        return """
               prices: { fuelCnyPerTce: 30, heatCnyPerGJ: 10, electricityCnyPerMWh: 100, touPeakCnyPerMWh: 200, touValleyCnyPerMWh: 50, source: test }
               hurdleRate: { default: 0.10, byIndustry: { cement: 0.15 }, source: test }
               capexBudget: { shareOfOutputValue: 0.1, source: test }
               referenceCarbonPrice: { cnyPerTonne: 50, source: test }
               informationPolicies: { disclosure: 0.01, pilotTitle: 0.02, source: test }
               options:

               """ + string.Concat(options);
    }

    public static AbatementCatalogue With(params string[] blocks) => AbatementCatalogue.Parse(Yaml(blocks));

    /// <summary>100 tce of fuel a year and 100 tce of energy in all, 200 tCO2 of combustion Scope 1; nothing else.</summary>
    public static EnterpriseBaseline Baseline(string id = "e1") => new()
    {
        Enterprise = id, Industry = Industry, Park = "park1", AnnualOutput = 1000, OutputValueCny = 100_000,
        FuelTce = 100, EnergyTce = 100, Scope1CombustionTco2 = 200,
    };

    public static DecisionTerms Terms(double budget = 1e9, double rate = 0.10) => new() { DiscountRate = rate, CapexBudget = budget };
}
