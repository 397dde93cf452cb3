namespace ParkTwin.Domain.Decisions;

/// <summary>
/// The chance that an enterprise reviews its abatement options in a year: firms do not re-appraise their plant
/// every year, so positive-NPV options diffuse over years instead of all being taken at once. A disclosure duty and a
/// pilot-park title raise it (they also lower the hurdle rate). Capped at 1.
/// </summary>
public sealed record AdoptionPropensity(double Base, double Disclosure, double PilotTitle)
{
    /// <summary>Every enterprise reviews every year.</summary>
    public static readonly AdoptionPropensity Always = new(1, 0, 0);

    public double Of(bool disclosure, bool pilotTitle) => Math.Min(1, Base + (disclosure ? Disclosure : 0) + (pilotTitle ? PilotTitle : 0));
}
