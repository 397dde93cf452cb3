namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// One observation of the simulation's tidy (long) time series: the value of one metric
/// for one entity in one period, e.g. <c>("ent-00042", "2023-07", "electricity", 1234.5, "MWh")</c>.
/// </summary>
/// <param name="Entity">Entity id (enterprise, park, grid node…).</param>
/// <param name="Period">Period label, e.g. <c>"2023-07"</c> for a month.</param>
/// <param name="Metric">Metric name, e.g. <c>"co2"</c>.</param>
/// <param name="Value">The value; must be finite.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>, e.g. <c>"t"</c>.</param>
public readonly record struct TidyRow(string Entity, string Period, string Metric, double Value, string Unit);
