using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Model;

/// <summary>The monthly books of a finished run: every enterprise and park (sorted by id), the parks' total and the grid.</summary>
public sealed record RunBooks(
    (string Id, MonthlyLedger Ledger)[] Enterprises,
    (string Id, MonthlyLedger Ledger)[] Parks,
    MonthlyLedger ProvinceParks,
    MonthlyLedger Grid);
