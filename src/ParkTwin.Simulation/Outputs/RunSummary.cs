using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Outputs;

/// <summary>One annual figure with its unit.</summary>
public sealed record Figure(string Metric, double Value, string Unit);

/// <summary>summary.json: the run, the province's annual totals and each park's totals and indicators.</summary>
public sealed record RunSummary(RunInfo Run, ProvinceSummary Province, IReadOnlyList<ParkSummary> Parks)
{
    /// <summary>The markets' totals (null when no market ran).</summary>
    public Markets.MarketSummary? Markets { get; init; }

    /// <summary>True when the run was interrupted (Ctrl-C) and these are the totals of what was simulated; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Partial { get; init; }

    /// <summary>The last day simulated (yyyy-MM-dd) of an interrupted run; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? LastDate { get; init; }

    public static RunSummary Of(ProvinceModel model, RunBooks books, RunInfo info)
    {
        var parkTotals = books.ProvinceParks.YearTotals();
        var gridTotals = books.Grid.YearTotals();
        var generation = new double[Metric.Count];
        for (var i = Metric.GenerationHydro; i <= Metric.GenerationGas; i++) generation[i] = parkTotals[i] + gridTotals[i];
        var total = generation.Sum();
        var province = new ProvinceSummary(
            model.Parks.Length,
            model.EnterpriseCount,
            model.GridAssets.Length,
            total > 0 ? generation[Metric.GenerationHydro] / total : 0,
            Ratio(parkTotals[Metric.Scope1Combustion] + parkTotals[Metric.Scope1Process] + parkTotals[Metric.Scope2Market], parkTotals[Metric.EnergyTce]),
            Figures(parkTotals),
            Figures(gridTotals));
        var parks = model.Parks.Zip(books.Parks, (layout, park) => ParkSummary.Of(layout, park.Ledger.YearTotals(), IndicatorTable.Default)).ToArray();
        return new RunSummary(info, province, parks);
    }

    static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;

    internal static IReadOnlyList<Figure> Figures(double[] totals) =>
        Enumerable.Range(0, Metric.Count)
            .Where(i => totals[i] != 0 && i != Metric.Output)
            .Select(i => new Figure(Metric.Definitions[i].Name, totals[i], Metric.Definitions[i].Unit))
            .ToArray();
}

public sealed record ProvinceSummary(
    int Parks,
    int Enterprises,
    int GridPlants,
    double HydroShareOfGeneration,
    double? ParksCarbonPerEnergy,
    IReadOnlyList<Figure> ParksTotal,
    IReadOnlyList<Figure> GridTotal);
