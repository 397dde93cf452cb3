namespace ParkTwin.Domain.Markets;

public enum OperationStatus
{
    /// <summary>The operation changed the registry.</summary>
    Applied,
    /// <summary>An operation with this id and the same content was applied before: nothing changed (a retry).</summary>
    AlreadyApplied,
    /// <summary>The operation was refused (see the reason); nothing changed.</summary>
    Rejected,
}

/// <summary>What a registry did with an operation. Rejections are results, not exceptions: a bad trade is ordinary market life.</summary>
public sealed record OperationResult(OperationStatus Status, string? Reason = null)
{
    public static readonly OperationResult Applied = new(OperationStatus.Applied);
    public static readonly OperationResult AlreadyApplied = new(OperationStatus.AlreadyApplied);

    public static OperationResult Rejected(string reason) => new(OperationStatus.Rejected, reason);

    /// <summary>True when the operation has taken effect, now or on an earlier attempt.</summary>
    public bool Succeeded => Status != OperationStatus.Rejected;

    public override string ToString() => Reason is null ? Status.ToString() : $"{Status}: {Reason}";
}

/// <summary>Thrown inside a registry while it validates an operation; turned into <see cref="OperationResult.Rejected"/>.</summary>
sealed class OperationRejected(string reason) : Exception(reason);
