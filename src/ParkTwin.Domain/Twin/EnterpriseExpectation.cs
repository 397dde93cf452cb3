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
    public static double Annual(EnterpriseSpec spec, int year, Func<int, double> perOutput)
    {
        var measures = spec.Measures ?? EnterpriseMeasures.None;
        var days = DateTime.IsLeapYear(year) ? 366.0 : 365.0;
        var total = 0.0;
        for (var m = 0; m < 12; m++) total += DateTime.DaysInMonth(year, m + 1) / days * EnterpriseMeasures.At(measures.Output, m) * perOutput(m);
        return spec.AnnualOutput * total;
    }

    public static double Scope1(EnterpriseSpec spec, EnterpriseIntensity intensity, int year)
    {
        var x = spec.Measures ?? EnterpriseMeasures.None;
        return Annual(spec, year, m => (intensity.Scope1Combustion * EnterpriseMeasures.At(x.Fuel, m) + intensity.Scope1Process * EnterpriseMeasures.At(x.Process, m))
            * (1 - EnterpriseMeasures.At(x.Captured, m, 0)));
    }

    public static double ElectricityMWh(EnterpriseSpec spec, EnterpriseIntensity intensity, int year)
    {
        var x = spec.Measures ?? EnterpriseMeasures.None;
        return Annual(spec, year, m => intensity.ElectricityMWh * EnterpriseMeasures.At(x.Electricity, m));
    }
}
