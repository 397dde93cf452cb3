namespace ParkTwin.Domain.Accounting;

/// <summary>
/// Evaluates the zero-carbon park indicators of an account. Core: (Scope 1 + Scope 2 market) / energy tce at
/// or below the band threshold. Guiding: at or above their thresholds. Missing data is "no data", never a pass.
/// </summary>
public static class ParkIndicators
{
    /// <summary>Indicators with the core threshold of the account's own energy band (for a park).</summary>
    public static IReadOnlyList<Indicator> Evaluate(CarbonAccount account, IndicatorData? data, IndicatorTable table) =>
        Evaluate(account, data, table, table.CoreThreshold(account.EnergyTce));

    /// <summary>Indicators against a given core threshold (an enterprise is held to its park's threshold).</summary>
    public static IReadOnlyList<Indicator> Evaluate(CarbonAccount account, IndicatorData? data, IndicatorTable table, double coreThreshold) =>
    [
        AtMost(IndicatorNames.CarbonPerEnergy, account.CarbonPerEnergy, coreThreshold),
        AtLeast(IndicatorNames.CleanEnergyShare, account.CleanEnergyShare, table.CleanEnergyShare),
        AtLeast(IndicatorNames.SolidWasteUtilisation, data?.SolidWasteUtilisation, table.SolidWasteUtilisation),
        AtLeast(IndicatorNames.WasteHeatUtilisation, data?.WasteHeatUtilisation, table.WasteHeatUtilisation),
        AtLeast(IndicatorNames.WaterReuse, data?.WaterReuse, table.WaterReuse),
    ];

    static Indicator AtMost(string name, double? value, double threshold) =>
        new(name, value, threshold, value is null ? IndicatorStatus.NoData : value <= threshold ? IndicatorStatus.Pass : IndicatorStatus.Fail);

    static Indicator AtLeast(string name, double? value, double threshold) =>
        new(name, value, threshold, value is null ? IndicatorStatus.NoData : value >= threshold ? IndicatorStatus.Pass : IndicatorStatus.Fail);
}
