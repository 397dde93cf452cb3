namespace ParkTwin.Simulation.Markets;

/// <summary>
/// Certificates retired in one year that reach the ETS only in the next (a coordination delay): <see cref="In"/>
/// from last year's compliance, <see cref="Out"/> for next year's, per covered enterprise (MWh).
/// </summary>
public sealed class RecognitionCarry
{
    public Dictionary<string, double> In { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, double> Out { get; } = new(StringComparer.Ordinal);

    /// <summary>The carry for the next year: this year's <see cref="Out"/>.</summary>
    public RecognitionCarry Next() => new() { In = new Dictionary<string, double>(Out, StringComparer.Ordinal) };
}
