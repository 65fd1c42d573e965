namespace Energy.Domain.Oee;

/// <summary>
/// Machine <paramref name="MachineId"/> went from status <paramref name="From"/> to <paramref name="To"/> at
/// <paramref name="At"/> (CONTRACT §7). On a machine's stream these come in time order.
/// </summary>
public sealed record OeeStatusChanged(long MachineId, string From, string To, DateTimeOffset At) : IEvent;

/// <summary>
/// A late reading changed the machine's past: every <see cref="OeeStatusChanged"/> at or after
/// <paramref name="Since"/> recorded before this event no longer holds. The changes that replace them follow
/// on the stream as ordinary <see cref="OeeStatusChanged"/> events (in time order, all at or after
/// <paramref name="Since"/>), so "drop what is at or after Since, then append" folds to the corrected timeline.
/// </summary>
public sealed record OeeStatusTimelineCorrected(long MachineId, DateTimeOffset Since) : IEvent;

public static class OeeStatus
{
    /// <summary>The status when no rule matches (CONTRACT §7).</summary>
    public const string Unknown = "未知";

    public static string StreamId(long machineId) => $"oee_status-{machineId}";
}
