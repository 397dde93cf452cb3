namespace ParkTwin.Domain.Twin;

/// <summary>
/// What changes an enterprise's physics in a simulated year: the abatement it has adopted (effective from a month,
/// after its build time), output quotas from caps and shocks, and rationing orders. Intensity changes take effect
/// at month starts, so that every booked metric still follows from the month's exact sums; cuts are hourly.
/// Null arrays mean "1 every month" (or "0" for <see cref="Captured"/>).
/// </summary>
public sealed record EnterpriseMeasures
{
    /// <summary>Per month: multiplier on the fuel burnt per unit of output (and so on combustion Scope 1 and fuel energy).</summary>
    public double[]? Fuel { get; init; }
    /// <summary>Per month: multiplier on process emissions per unit of output (clinker substitution, process change).</summary>
    public double[]? Process { get; init; }
    /// <summary>Per month: multiplier on electricity per unit of output (efficiency below 1, electrification above).</summary>
    public double[]? Electricity { get; init; }
    /// <summary>Per month: multiplier on purchased-heat demand per unit of output (waste-heat recovery, electrification).</summary>
    public double[]? Heat { get; init; }
    /// <summary>Per month: share of Scope 1 captured and stored (CCUS); not emitted.</summary>
    public double[]? Captured { get; init; }
    /// <summary>Per month: multiplier on output (caps met by an output quota, demand shocks).</summary>
    public double[]? Output { get; init; }
    /// <summary>Hourly output cuts (rationing orders), hours of the year [StartHour, EndHour).</summary>
    public OutputCut[] Cuts { get; init; } = [];

    public static readonly EnterpriseMeasures None = new();

    public bool IsNone => Fuel is null && Process is null && Electricity is null && Heat is null && Captured is null && Output is null && Cuts.Length == 0;

    public static double At(double[]? monthly, int month, double otherwise = 1) => monthly is null ? otherwise : monthly[month];

    /// <summary>Scope 1 emitted per unit of output in month <paramref name="month"/>: combustion and process after the abatement in effect, less what is captured.</summary>
    public double Scope1PerOutput(EnterpriseIntensity intensity, int month) =>
        (intensity.Scope1Combustion * At(Fuel, month) + intensity.Scope1Process * At(Process, month)) * (1 - At(Captured, month, 0));

    public double FuelTcePerOutput(EnterpriseIntensity intensity, int month) => intensity.FuelTce * At(Fuel, month);

    public double ElectricityPerOutput(EnterpriseIntensity intensity, int month) => intensity.ElectricityMWh * At(Electricity, month);

    public double HeatPerOutput(EnterpriseIntensity intensity, int month) => intensity.HeatGJ * At(Heat, month);

    /// <summary>The share of output left in hour <paramref name="hour"/> of the year after every cut covering it (the deepest wins).</summary>
    public double OutputLeft(int hour)
    {
        var cut = 0.0;
        foreach (var c in Cuts)
            if (hour >= c.StartHour && hour < c.EndHour && c.Share > cut) cut = c.Share;
        return 1 - cut;
    }
}

/// <summary>An order to cut <see cref="Share"/> of output over hours [StartHour, EndHour) of the year.</summary>
public sealed record OutputCut(int StartHour, int EndHour, double Share, string Reason);
