namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// What was run: written at the top of summary.json so a result file says where it came from. The tick length and
/// the engine are left out on purpose: they change speed, never results.
/// </summary>
public sealed record RunInfo(string Province, int Year, int Seed, double Scale, string Inventory);
