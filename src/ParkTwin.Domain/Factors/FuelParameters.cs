namespace ParkTwin.Domain.Factors;

/// <summary>Whether a fuel is metered by mass (t, kg) or by volume (10^4 Nm3, Nm3).</summary>
public enum FuelBasis { Mass, Volume }

/// <summary>
/// Default parameters of one fuel. Mass basis: NCV in GJ/t, kgce per kg. Volume basis: NCV in GJ/10^4 Nm3,
/// kgce per Nm3. NCV and kgce come from the same GB/T 2589 row: change them together.
/// </summary>
/// <param name="CarbonContent">tC per TJ of net heat.</param>
/// <param name="Oxidation">Fraction of the carbon oxidised, 0..1.</param>
public sealed record FuelParameters(FuelBasis Basis, double Ncv, double CarbonContent, double Oxidation, double Kgce)
{
    /// <summary>tCO2 per GJ of net heat: CC × OF × 44/12, with tC/TJ = kgC/GJ.</summary>
    public double Tco2PerGJ => CarbonContent * Oxidation * 44.0 / 12.0 / 1000.0;

    /// <summary>tce per t (mass basis) or per 10^4 Nm3 (volume basis): the unit the NCV is given in.</summary>
    public double TcePerNcvUnit => Basis == FuelBasis.Mass ? Kgce : Kgce * 10.0;
}
