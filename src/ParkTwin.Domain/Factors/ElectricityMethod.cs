namespace ParkTwin.Domain.Factors;

/// <summary>How electricity is converted to standard coal (tce).</summary>
public enum ElectricityMethod
{
    /// <summary>Heat content of the electricity itself: 0.1229 kgce/kWh. The default.</summary>
    CalorificEquivalent,

    /// <summary>Coal burned by thermal plants to supply one kWh (national average of the year), about 0.30 kgce/kWh.</summary>
    CoalEquivalent,
}
