namespace ParkTwin.Domain.Twin;

/// <summary>
/// Hourly quantities are rounded to multiples of 2⁻¹⁶ before they are summed. Sums of such numbers are exact in
/// double precision (below 2³⁷), so they do not depend on the order of addition: a month summed in daily ticks
/// equals the same month summed in one tick, bit for bit. The rounding (15 µ-units) is far below any meter's resolution.
/// </summary>
public static class Quantum
{
    const double Scale = 65536;

    public static double Round(double value) => Math.Round(value * Scale) / Scale;
}
