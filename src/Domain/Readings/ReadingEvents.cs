namespace Energy.Domain.Readings;

/// <summary>
/// One reading of a device as the collector vendor delivered it (seed 003 附1, CONTRACT §5).
/// </summary>
/// <param name="Device">The vendor's device number (<c>meter</c>, e.g. "111800000490"); readings of devices no meter is bound to are kept too.</param>
/// <param name="ReadAt">The reading's own time (<c>sjsj</c>, plant wall clock) as a UTC instant.</param>
/// <param name="DataId">The delivery's <c>data_id</c> (for a task callback, its <c>task_id</c>).</param>
/// <param name="Fields">Every 附1 field exactly as delivered (numbers as their JSON text), so nothing is lost.</param>
/// <param name="Parameters">The contract's parameter names (UA, IA, P, EP, …) with decimal values; EP is the cumulative kWh counter.</param>
/// <param name="TaskId">Set when the reading came with a task result (2.2 callback), e.g. a recall.</param>
public sealed record MeterReadingReceived(
    string Device,
    DateTimeOffset ReadAt,
    string DataId,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, decimal> Parameters,
    string? TaskId = null) : IEvent;

/// <summary>
/// A device event (附2 code in <c>sjzt</c>) carried by a reading: one event per non-zero code. The alarms
/// feature raises device alarms (Alarm_Type 3, CONTRACT §8) from these.
/// </summary>
/// <param name="Code">The 附2 code as delivered, e.g. "1016".</param>
/// <param name="Name">The 附2 name, e.g. "剩余电流"; a code 附2 does not list is named "未知事件 &lt;code&gt;".</param>
public sealed record DeviceEventReported(
    string Device,
    DateTimeOffset OccurredAt,
    string Code,
    string Name,
    string DataId) : IEvent;
