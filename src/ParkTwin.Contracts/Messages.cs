using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Contracts;

/// <summary>A tick on the wire. Hot-path messages carry plain arrays so they serialize and copy cheaply.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TickSpan([property: Id(0)] int Tick, [property: Id(1)] int StartHour, [property: Id(2)] int Hours)
{
    public TickWindow Window => new(Tick, StartHour, Hours);

    public static TickSpan Of(TickWindow w) => new(w.Tick, w.StartHour, w.Hours);

    public static TickSpan? Of(TickWindow? w) => w is { } x ? Of(x) : null;
}

[GenerateSerializer, Immutable]
public sealed record DemandPlan([property: Id(0)] double[] Electricity, [property: Id(1)] double[] Heat)
{
    public EnterprisePlan ToDomain() => new(Electricity, Heat);

    public static DemandPlan Of(EnterprisePlan p) => new(p.Electricity, p.Heat);
}

[GenerateSerializer, Immutable]
public sealed record SettleRequest(
    [property: Id(0)] TickSpan Window,
    [property: Id(1)] double[] Onsite,
    [property: Id(2)] double[] ParkElectricity,
    [property: Id(3)] double[] ParkHeat,
    [property: Id(4)] TickSpan? Next,
    [property: Id(5)] double[] GreenPool,
    [property: Id(6)] double[] GreenBilateral);

/// <summary>An enterprise's answer to a tick; after a checkpoint tick also its snapshot, which the park stores.</summary>
[GenerateSerializer, Immutable]
public sealed record SettleReply([property: Id(0)] double[] Row, [property: Id(1)] DemandPlan? Next, [property: Id(2)] EnterpriseState? Snapshot = null);

/// <summary>An asset's answer to a tick; after a checkpoint tick also its snapshot, which its park (or the province) stores.</summary>
[GenerateSerializer, Immutable]
public sealed record AssetStepReply([property: Id(0)] double[] Electricity, [property: Id(1)] double[] Heat, [property: Id(2)] double[] Row,
    [property: Id(3)] AssetState? Snapshot = null)
{
    public AssetOutput ToDomain() => new(Electricity, Heat, Row);

    public static AssetStepReply Of(AssetOutput o, AssetState? snapshot = null) => new(o.Electricity, o.Heat, o.Row, snapshot);
}

// Snapshots on the wire and in storage: the Domain snapshot records in Orleans' binary form (plain arrays of doubles,
// no JSON), since a checkpoint carries one per enterprise and asset.

/// <summary><see cref="EnterpriseSnapshot"/> on the wire and in a park's checkpoint.</summary>
[GenerateSerializer, Immutable]
public sealed record EnterpriseState(
    [property: Id(0)] int Tick,
    [property: Id(1)] double[] Drivers,
    [property: Id(2)] int BookedMonths,
    [property: Id(3)] int LastMonth,
    [property: Id(4)] double[]? GreenShares)
{
    public EnterpriseSnapshot ToDomain() => new(Tick, Drivers, BookedMonths, LastMonth, GreenShares);

    public static EnterpriseState Of(EnterpriseSnapshot s) => new(s.Tick, s.Drivers, s.BookedMonths, s.LastMonth, s.GreenShares);
}

/// <summary><see cref="AssetSnapshot"/> on the wire and in a park's (or the province's) checkpoint.</summary>
[GenerateSerializer, Immutable]
public sealed record AssetState(
    [property: Id(0)] int Tick,
    [property: Id(1)] double[] Sums,
    [property: Id(2)] int BookedMonths,
    [property: Id(3)] int LastMonth,
    [property: Id(4)] double StateOfChargeMWh)
{
    public AssetSnapshot ToDomain() => new(Tick, Sums, BookedMonths, LastMonth, StateOfChargeMWh);

    public static AssetState Of(AssetSnapshot s) => new(s.Tick, s.Sums, s.BookedMonths, s.LastMonth, s.StateOfChargeMWh);
}

/// <summary><see cref="ParkSnapshot"/> in a park's checkpoint.</summary>
[GenerateSerializer, Immutable]
public sealed record ParkState(
    [property: Id(0)] int Tick,
    [property: Id(1)] double[] Ledger,
    [property: Id(2)] double[] LastRow,
    [property: Id(3)] double[] ExportedByMonth,
    [property: Id(4)] double[][] AssetRows)
{
    public ParkSnapshot ToDomain() => new(Tick, Ledger, LastRow, ExportedByMonth, AssetRows);

    public static ParkState Of(ParkSnapshot s) => new(s.Tick, s.Ledger, s.LastRow, s.ExportedByMonth, s.AssetRows);
}

[GenerateSerializer, Immutable]
public sealed record ProvinceTickReply([property: Id(0)] double[] Parks, [property: Id(1)] double[] Grid);

/// <summary>A twin's monthly books: [month × metric] values, as in <see cref="MonthlyLedger"/>, and the last tick booked.</summary>
[GenerateSerializer]
public sealed record LedgerView([property: Id(0)] double[] Monthly, [property: Id(1)] int LastTick)
{
    public MonthlyLedger ToLedger() => new((double[])Monthly.Clone());
}

/// <summary>The current period (last tick) hour by hour.</summary>
[GenerateSerializer]
public sealed record HourlyView(
    [property: Id(0)] TickSpan Window,
    [property: Id(1)] double[] Scope1,
    [property: Id(2)] double[] Scope2Market,
    [property: Id(3)] double[] GridElectricity);

// Setup messages carry Domain records; they cross the wire once per run, through the JSON codec (ParkTwinSerialization).

[GenerateSerializer, Immutable]
public sealed record EnterpriseSetup([property: Id(0)] EnterpriseSpec Spec, [property: Id(1)] IndustryProfile Industry, [property: Id(2)] TwinSettings Settings);

[GenerateSerializer, Immutable]
public sealed record AssetSetup([property: Id(0)] AssetSpec Spec, [property: Id(1)] TwinSettings Settings);

[GenerateSerializer, Immutable]
public sealed record ParkSetup(
    [property: Id(0)] ParkSpec Park,
    [property: Id(1)] EnterpriseSpec[] Enterprises,
    [property: Id(2)] AssetSpec[] Assets,
    [property: Id(3)] Dictionary<string, IndustryProfile> Industries,
    [property: Id(4)] TwinSettings Settings);

[GenerateSerializer, Immutable]
public sealed record ProvinceSetup(
    [property: Id(0)] ParkSetup[] Parks,
    [property: Id(1)] AssetSpec[] GridAssets,
    [property: Id(2)] TwinSettings Settings);
