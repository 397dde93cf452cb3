namespace ParkTwin.Domain.Decisions;

/// <summary>
/// What an enterprise expects and is offered when it decides (the policy mix in force, as it reaches this
/// enterprise): carbon prices, green-power terms, its discount rate, subsidies and budget.
/// </summary>
public sealed record DecisionTerms
{
    /// <summary>Expected price on Scope 1, CNY/tCO2: the ETS expectation when covered plus any carbon tax.</summary>
    public double Scope1CarbonPrice { get; init; }
    /// <summary>Expected price on indirect (electricity and heat) emissions, CNY/tCO2: 0 unless the ETS covers them.</summary>
    public double IndirectCarbonPrice { get; init; }
    /// <summary>Whether green power and its certificates count against the enterprise's emissions (mutual recognition).</summary>
    public bool GreenPowerRecognised { get; init; }
    /// <summary>Expected premium of green power over the grid price, CNY/MWh.</summary>
    public double GreenPowerPremium { get; init; }
    /// <summary>Green-power price discount granted by policy, CNY/MWh (subtracted from the premium).</summary>
    public double GreenPowerDiscount { get; init; }
    /// <summary>Discount rate of the NPV: see <see cref="DiscountRateOf"/>.</summary>
    public required double DiscountRate { get; init; }
    /// <summary>Capex subsidy share per option id (absent: none).</summary>
    public IReadOnlyDictionary<string, double> CapexSubsidyShare { get; init; } = new Dictionary<string, double>();
    /// <summary>Months between paying the capex and receiving the subsidy.</summary>
    public int SubsidyDelayMonths { get; init; }
    /// <summary>Most the enterprise spends on abatement capex net of subsidy this year, CNY.</summary>
    public required double CapexBudget { get; init; }

    public double SubsidyShare(string option) => CapexSubsidyShare.TryGetValue(option, out var s) ? s : 0;

    /// <summary>
    /// The enterprise's discount rate: its hurdle rate less the information policies' reductions, or the green-loan
    /// rate when one applies and is lower.
    /// </summary>
    public static double DiscountRateOf(double hurdleRate, double informationReduction, double? greenLoanRate = null)
    {
        var rate = hurdleRate - informationReduction;
        return greenLoanRate is { } loan ? Math.Min(rate, loan) : rate;
    }
}
