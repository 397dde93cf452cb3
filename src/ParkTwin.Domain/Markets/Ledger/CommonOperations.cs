namespace ParkTwin.Domain.Markets;

/// <summary>Opens an account in a registry. Account ids are the enterprises' (or generators') ids.</summary>
public sealed record OpenAccount(string OperationId, string Account);

/// <summary>Money paid into an account from outside the market (its initial cash).</summary>
public sealed record DepositCash(string OperationId, string Account, decimal Amount);
