namespace ParkTwin.Domain.Twin;

/// <summary>
/// A bilateral green-power contract as the twins see it: an as-produced share of one grid plant's generation
/// (plant index among the grid plants sorted by id) delivered hour by hour to one enterprise (in park index
/// <paramref name="Park"/>). Its volume and price live with the market stage.
/// </summary>
public sealed record GreenContract(string Id, int Plant, int Park, string Enterprise, double Share);
