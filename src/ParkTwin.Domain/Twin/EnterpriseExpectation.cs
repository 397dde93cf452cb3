using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// What an enterprise expects of its year before it starts: annual quantities from its output plan, its
/// intensities and the measures in force month by month (weighted by the month's days), without weather or noise.
/// The markets' strategies and the policies' quotas plan with these.
/// </summary>
public static class EnterpriseExpectation
{
    /// <summary>Σ over months of (days/365) × output quota × <paramref name="perOutput"/>(month).</summary>
    public static double Annual(EnterpriseSpec spec, int year, Func<int, double> perOutput) =>
        Annual(spec.AnnualOutput, spec.Measures?.Output, year, perOutput);

    /// <summary>Σ over months of the month's share of the year's days × <paramref name="annualOutput"/> × quota(month) × <paramref name="perOutput"/>(month).</summary>
    public static double Annual(double annualOutput, double[]? quota, int year, Func<int, double> perOutput)
    {
        var total = 0.0;
        for (var m = 0; m < 12; m++) total += ShareOfYear(year, m) * EnterpriseMeasures.At(quota, m) * perOutput(m);
        return annualOutput * total;
    }

    /// <summary>Month <paramref name="month"/>'s (0–11) share of the year's days.</summary>
    public static double ShareOfYear(int year, int month) => DateTime.DaysInMonth(year, month + 1) / (DateTime.IsLeapYear(year) ? 366.0 : 365.0);

    public static double Scope1(EnterpriseSpec spec, EnterpriseIntensity intensity, int year) =>
        Annual(spec, year, m => (spec.Measures ?? EnterpriseMeasures.None).Scope1PerOutput(intensity, m));

    public static double ElectricityMWh(EnterpriseSpec spec, EnterpriseIntensity intensity, int year) =>
        Annual(spec, year, m => (spec.Measures ?? EnterpriseMeasures.None).ElectricityPerOutput(intensity, m));
}
