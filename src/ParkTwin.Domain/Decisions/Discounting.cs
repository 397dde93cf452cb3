namespace ParkTwin.Domain.Decisions;

/// <summary>Yearly discounting at rate r: end-of-year cash flows, the capex paid on the decision day.</summary>
public static class Discounting
{
    /// <summary>Present value of 1 a year for <paramref name="years"/> years: Σ_{t=1..n} 1/(1+r)^t.</summary>
    public static double AnnuityFactor(double rate, int years) =>
        rate == 0 ? years : (1 - Math.Pow(1 + rate, -years)) / rate;

    /// <summary>The yearly payment that repays 1 over <paramref name="years"/> years: 1 / annuity factor.</summary>
    public static double CapitalRecovery(double rate, int years) => 1 / AnnuityFactor(rate, years);

    /// <summary>Present value of 1 received <paramref name="months"/> months from now.</summary>
    public static double Delayed(double rate, int months) => Math.Pow(1 + rate, -months / 12.0);

    /// <summary>
    /// NPV = −capex + subsidy discounted by its delay + (annual net saving) × annuity factor, with subsidy = share × capex.
    /// </summary>
    public static double Npv(double capex, double subsidyShare, int subsidyDelayMonths, double annualNet, int years, double rate) =>
        -capex + subsidyShare * capex * Delayed(rate, subsidyDelayMonths) + annualNet * AnnuityFactor(rate, years);
}
