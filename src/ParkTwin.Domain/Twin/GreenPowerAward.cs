namespace ParkTwin.Domain.Twin;

/// <summary>
/// A month's green-power market result as the twins use it: each grid plant's share of its generation that was
/// sold (by plant index, grid plants sorted by id), and each buyer's share of that sold pool (by enterprise id).
/// </summary>
public sealed record GreenPowerAward(int Month, double[] PlantShares, IReadOnlyDictionary<string, double> EnterpriseShares);
