namespace Energy.Domain.Meters;

public abstract record MeterCommand(long MeterId, DateTimeOffset At);

/// <param name="DeviceCode">The device to bind, "" for none.</param>
/// <param name="MachineIsLive">Whether <c>Details.MachineId</c> names a live machine (the caller looked it up).</param>
public sealed record RegisterMeter(
    long MeterId, MeterDetails Details, string DeviceCode, decimal? TotalAmount, DateTimeOffset At, bool MachineIsLive)
    : MeterCommand(MeterId, At);

/// <summary>
/// An update (seed 2.2). The seed requires name, type and machine; every other field may be left out,
/// which keeps its value (null here).
/// </summary>
/// <param name="Base">
/// The description the update was made against: the meter as the handler first read it. When another
/// writer changed the meter since, only the fields this update changes are applied on top of theirs; a field
/// both changed to different values is a conflict. Null means "the current state".
/// </param>
/// <param name="DeviceCode">null keeps the binding, "" unbinds, a number binds that device.</param>
/// <param name="TotalAmount">null keeps the offset; a different value is set from <c>At</c> on.</param>
public sealed record ChangeMeter(
    long MeterId,
    MeterEdit Edit,
    MeterDetails? Base,
    string? DeviceCode,
    decimal? TotalAmount,
    DateTimeOffset At,
    bool MachineIsLive)
    : MeterCommand(MeterId, At);

public sealed record DeleteMeter(long MeterId, DateTimeOffset At) : MeterCommand(MeterId, At);

/// <summary>The fields an update carries; null means "not sent, keep".</summary>
public sealed record MeterEdit(
    string Name,
    int EnergyType,
    long MachineId,
    string? Remarks = null,
    bool? IsVirtual = null,
    string? Formula = null,
    bool? IsTotal = null,
    bool? IsCount = null,
    bool? IsHandWork = null)
{
    /// <summary>The description this edit asks for when applied to <paramref name="current"/>.</summary>
    public MeterDetails ApplyTo(MeterDetails current)
    {
        var isVirtual = IsVirtual ?? current.IsVirtual;
        // Turning a meter real without sending a formula drops the old one: a real meter has none.
        var formula = Formula ?? (isVirtual ? current.Formula : "");
        return new MeterDetails(
            Name, EnergyType, MachineId, Remarks ?? current.Remarks, isVirtual, formula,
            IsTotal ?? current.IsTotal, IsCount ?? current.IsCount, IsHandWork ?? current.IsHandWork);
    }
}
