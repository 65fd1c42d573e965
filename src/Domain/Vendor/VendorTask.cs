namespace Energy.Domain.Vendor;

/// <summary>What a vendor task does (seed 003 2.1 <c>mode</c>: 0 数据召测, 1 合闸, 2 拉闸).</summary>
public enum VendorTaskMode
{
    Recall = 0,
    CloseRelay = 1,
    OpenRelay = 2,
}

/// <summary>The vendor accepted a task we sent (2.1); its result arrives later on the callback (2.2).</summary>
public sealed record VendorTaskDispatched(string TaskId, string Device, VendorTaskMode Mode, DateTimeOffset DispatchedAt, string DispatchedBy) : IEvent;

/// <summary>
/// The vendor reported a task's result (2.2 callback). <paramref name="Fields"/> are the 附1 fields of its
/// <c>data</c> as delivered; <paramref name="RelayState"/> is <c>jdqzt</c> (0 合闸, 1 拉闸) when present.
/// A result for a task this service never dispatched is kept all the same: the vendor's word is a fact.
/// </summary>
public sealed record VendorTaskCompleted(
    string TaskId,
    string Device,
    DateTimeOffset ReceivedAt,
    string? RelayState,
    IReadOnlyDictionary<string, string> Fields) : IEvent;

public sealed record VendorTaskState(bool Dispatched, bool Completed)
{
    public static readonly VendorTaskState Initial = new(false, false);
}

public sealed record DispatchVendorTask(string TaskId, string Device, VendorTaskMode Mode, DateTimeOffset At, string By);

public sealed record CompleteVendorTask(string TaskId, string Device, DateTimeOffset At, IReadOnlyDictionary<string, string> Fields);

/// <summary>One stream per task: <c>vendor-task-&lt;task_id&gt;</c>.</summary>
public static class VendorTask
{
    public const string RelayField = "jdqzt";

    public static string StreamId(string taskId) => $"vendor-task-{taskId}";

    public static VendorTaskState Evolve(VendorTaskState state, object @event) => @event switch
    {
        VendorTaskDispatched => state with { Dispatched = true },
        VendorTaskCompleted => state with { Completed = true },
        _ => state,
    };

    /// <summary>A task id is dispatched once; dispatching it again is a no-op.</summary>
    public static IReadOnlyList<object> Decide(DispatchVendorTask command, VendorTaskState state) =>
        state.Dispatched ? [] : [new VendorTaskDispatched(command.TaskId, command.Device, command.Mode, command.At, command.By)];

    /// <summary>The first result counts; a repeated callback for a completed task records nothing.</summary>
    public static IReadOnlyList<object> Decide(CompleteVendorTask command, VendorTaskState state) =>
        state.Completed
            ? []
            : [new VendorTaskCompleted(command.TaskId, command.Device, command.At, command.Fields.GetValueOrDefault(RelayField), command.Fields)];
}
