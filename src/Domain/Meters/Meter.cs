namespace Energy.Domain.Meters;

/// <summary>A meter as folded from its stream <c>meter-&lt;id&gt;</c>.</summary>
/// <param name="DeviceCode">The bound device's number, "" when none.</param>
public sealed record Meter(
    long Id,
    MeterDetails Details,
    string DeviceCode,
    decimal TotalAmount,
    DateTimeOffset? TotalAmountSetAt,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? DeletedAt)
{
    /// <summary>Before the first event: nothing exists.</summary>
    public static readonly Meter None = new(0, new MeterDetails("", 0, 0, "", false, "", false, false, false), "", 0m, null, null, null);

    public bool Exists => Id != 0;

    public bool IsLive => Exists && DeletedAt is null;

    public static string StreamId(long id) => $"meter-{id}";

    public static Meter Evolve(Meter state, object @event) => @event switch
    {
        MeterRegistered e => None with { Id = e.MeterId, Details = e.Details, RegisteredAt = e.RegisteredAt },
        MeterChanged e => state with { Details = e.Details },
        MeterBoundToDevice e => state with { DeviceCode = e.DeviceCode },
        MeterUnboundFromDevice => state with { DeviceCode = "" },
        MeterTotalAmountSet e => state with { TotalAmount = e.TotalAmount, TotalAmountSetAt = e.SetAt },
        MeterDeleted e => state with { DeletedAt = e.DeletedAt },
        _ => state,
    };
}
