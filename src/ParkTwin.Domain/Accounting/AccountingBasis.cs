using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Accounting;

/// <summary>The factors one accounting run uses: fuel and process factors from the table, plus the resolved year values.</summary>
/// <param name="GridFactor">Location-based grid factor, tCO2/MWh.</param>
/// <param name="ResidualFactor">Market-based residual factor, tCO2/MWh.</param>
/// <param name="ElectricityTcePerMWh">Electricity to tce by the chosen method.</param>
public sealed record AccountingBasis(FactorTable Factors, double GridFactor, double ResidualFactor, double ElectricityTcePerMWh)
{
    /// <summary>The basis for a province and year, with the table's values unless overridden.</summary>
    public static AccountingBasis For(
        FactorTable factors, string province, int year, ElectricityMethod method, double? gridFactor = null, double? residualFactor = null) =>
        new(factors,
            gridFactor ?? factors.GridFactor(province, year),
            residualFactor ?? factors.ResidualFactor(year),
            factors.ElectricityTcePerMWh(method, year));
}
