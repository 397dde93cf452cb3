using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Outputs;

/// <summary>A park's year in summary.json: its carbon account and the zero-carbon park indicators.</summary>
public sealed record ParkSummary(
    string Id,
    string Name,
    string Prefecture,
    int Enterprises,
    double EnergyTce,
    double Scope1,
    double Scope2Location,
    double Scope2Market,
    double? CarbonPerEnergy,
    double Threshold,
    bool CorePass,
    double? CleanEnergyShare,
    IReadOnlyList<Indicator> Indicators)
{
    public static ParkSummary Of(ParkLayout layout, double[] totals, IndicatorTable table)
    {
        var account = AccountOf(totals);
        var park = layout.Park;
        var indicators = ParkIndicators.Evaluate(account, new IndicatorData(park.SolidWasteUtilisation, park.WasteHeatUtilisation, park.WaterReuse), table);
        var core = indicators.Single(i => i.Name == IndicatorNames.CarbonPerEnergy);
        return new ParkSummary(park.Id, park.Name, park.Prefecture, layout.Enterprises.Length, account.EnergyTce, account.Scope1,
            account.Scope2Location, account.Scope2Market, account.CarbonPerEnergy, core.Threshold, core.Passed, account.CleanEnergyShare, indicators);
    }

    /// <summary>The annual totals of a twin's books as a carbon account (the same account `parktwin account` computes).</summary>
    public static CarbonAccount AccountOf(double[] totals) => new()
    {
        Scope1Combustion = totals[Metric.Scope1Combustion],
        Scope1Process = totals[Metric.Scope1Process],
        Scope2Location = totals[Metric.Scope2Location],
        Scope2Market = totals[Metric.Scope2Market],
        EnergyTce = totals[Metric.EnergyTce],
        CleanEnergyTce = totals[Metric.CleanEnergyTce],
        OutputValue10kCNY = totals[Metric.OutputValue],
    };
}
