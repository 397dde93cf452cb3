using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Cli;

/// <summary>The few lines a person reads after a run; the full figures are in summary.json.</summary>
public static class SummaryText
{
    public static string Describe(RunSummary summary)
    {
        var p = summary.Province;
        double Get(IReadOnlyList<Figure> figures, string metric) => figures.FirstOrDefault(f => f.Metric == metric)?.Value ?? 0;
        var energy = Get(p.ParksTotal, "energy");
        var scope1 = Get(p.ParksTotal, "scope1_combustion") + Get(p.ParksTotal, "scope1_process");
        var passing = summary.Parks.Count(x => x.CorePass);
        return string.Join(Environment.NewLine,
            $"Parks: {p.Parks}, enterprises: {p.Enterprises}, grid plants: {p.GridPlants}",
            $"Park energy use: {energy / 1e6:F2} Mtce; Scope 1: {scope1 / 1e6:F2} Mt CO2; Scope 2 market-based: {Get(p.ParksTotal, "scope2_market") / 1e6:F2} Mt CO2 (location-based {Get(p.ParksTotal, "scope2_location") / 1e6:F2})",
            $"Parks' carbon per energy: {p.ParksCarbonPerEnergy:F3} tCO2/tce; parks meeting the core indicator: {passing} of {summary.Parks.Count}",
            $"Electricity bought by park enterprises: {Get(p.ParksTotal, "electricity_grid") / 1e6:F1} TWh; hydro share of generation: {p.HydroShareOfGeneration:P1}");
    }
}
