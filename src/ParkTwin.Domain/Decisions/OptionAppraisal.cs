namespace ParkTwin.Domain.Decisions;

/// <summary>
/// One option valued for one enterprise at its terms (see <see cref="AdoptionRule.Appraise"/>). Money in CNY,
/// flows per year; abatement in tCO2/yr, direct (Scope 1) and indirect (electricity and heat; negative when the
/// option adds load).
/// </summary>
public sealed record OptionAppraisal
{
    public required string Option { get; init; }
    public required AdoptionEffect Effect { get; init; }
    /// <summary>Capex after learning.</summary>
    public double Capex { get; init; }
    /// <summary>Subsidy paid (share × capex), nominal.</summary>
    public double Subsidy { get; init; }
    /// <summary>Subsidy discounted by its payment delay.</summary>
    public double SubsidyPresentValue { get; init; }
    /// <summary>Capex less the nominal subsidy: what the budget pays.</summary>
    public double NetCapex => Capex - Subsidy;
    public double EnergySavings { get; init; }
    /// <summary>Maintenance, per-tonne costs and the green-power premium net of any discount.</summary>
    public double Opex { get; init; }
    public double CarbonValue { get; init; }
    public double DirectAbatementTco2 { get; init; }
    public double IndirectAbatementTco2 { get; init; }
    public double AnnualAbatementTco2 => DirectAbatementTco2 + IndirectAbatementTco2;
    public double Npv { get; init; }
    /// <summary>NPV per CNY of net capex; +∞ for a positive NPV without net capex.</summary>
    public double ProfitabilityIndex { get; init; }
    /// <summary>(Annualised net capex + opex − energy savings) / abatement, CNY/tCO2; null when nothing is abated.</summary>
    public double? CostPerTonne { get; init; }
}
