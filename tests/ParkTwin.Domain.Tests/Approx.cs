namespace ParkTwin.Domain.Tests;

/// <summary>Hand-computed values are written to ~10 significant digits; compare relatively.</summary>
static class Approx
{
    public static void Equal(double expected, double actual, double relative = 1e-9)
    {
        var tolerance = Math.Max(Math.Abs(expected) * relative, 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
    }

    public static void Equal(double expected, double? actual, double relative = 1e-9)
    {
        Assert.NotNull(actual);
        Equal(expected, actual.Value, relative);
    }
}
