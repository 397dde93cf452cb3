namespace ParkTwin.Simulation.Outputs;

/// <summary>What was run: written at the top of summary.json so a result file says where it came from.</summary>
public sealed record RunInfo(string Province, int Year, int Seed, double Scale, string Tick, string Inventory);
