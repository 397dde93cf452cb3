using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

/// <summary>
/// Hand-made run factors with round or hand-derived numbers, so that every expected value in the twin tests is
/// arithmetic written out in the test, not a value read back from the factor table.
/// </summary>
static class HandFactors
{
    // Raw coal per GJ: CC 26.37 tC/TJ × OF 0.94 × 44/12 / 1000 = 0.0247878 tC/GJ × 44/12 = 0.0908886 tCO2/GJ.
    // Raw coal per t: × NCV 20.908 GJ/t = 0.0908886 × 20.908 = 1.9002988488 tCO2/t.
    public const double CoalCo2PerGJ = 0.0908886;
    public const double CoalCo2PerTonne = 1.9002988488;
    // Natural gas per GJ: 15.30 tC/TJ × 0.99 × 44/12 / 1000 = 0.015147 × 44/12 = 0.055539 tCO2/GJ.
    public const double GasCo2PerGJ = 0.055539;
    /// <summary>GB/T 2589: raw coal 0.7143 kgce/kg = tce/t.</summary>
    public const double CoalTcePerTonne = 0.7143;
    /// <summary>Round assumption for fuel burned by assets: 1 tce = 29.3076 GJ → 0.03412 tce/GJ.</summary>
    public const double TcePerGJ = 0.03412;

    public const double Grid = 0.2;
    public const double Residual = 0.6;
    public const double HeatCo2 = 0.1;
    public const double HeatTce = 0.03412;
    public const double ElectricityTce = 0.1229;
    public const double Clinker = 0.52;

    public static RunFactors Create() => new()
    {
        GridFactor = Grid,
        ResidualFactor = Residual,
        HeatCo2PerGJ = HeatCo2,
        HeatTcePerGJ = HeatTce,
        ElectricityTcePerMWh = ElectricityTce,
        Co2PerUnit = RunFactors.Table((c, u) => (c, u) switch
        {
            (FuelCarrier.RawCoal, FuelUnit.Tonne) => CoalCo2PerTonne,
            (FuelCarrier.RawCoal, FuelUnit.GJ) => CoalCo2PerGJ,
            (FuelCarrier.NaturalGas, FuelUnit.GJ) => GasCo2PerGJ,
            _ => double.NaN,
        }),
        TcePerUnit = RunFactors.Table((c, u) => (c, u) switch
        {
            (FuelCarrier.RawCoal, FuelUnit.Tonne) => CoalTcePerTonne,
            (FuelCarrier.RawCoal, FuelUnit.GJ) => TcePerGJ,
            (FuelCarrier.NaturalGas, FuelUnit.GJ) => TcePerGJ,
            _ => double.NaN,
        }),
        ProcessFactors = new Dictionary<string, double>(StringComparer.Ordinal) { ["clinker"] = Clinker },
    };
}
