using System.Text.Json.Serialization;
using Energy.Application.EventStore;

namespace Energy.Http.Operations;

/// <summary>One processor's status for operators (ext).</summary>
public sealed record ProjectionAnswer(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Kind")] string Kind,
    [property: JsonPropertyName("State")] string State,
    [property: JsonPropertyName("Floor")] long Floor,
    [property: JsonPropertyName("High_Water")] long HighWater,
    [property: JsonPropertyName("Lag_Events")] long LagEvents,
    [property: JsonPropertyName("Lag_Seconds")] double? LagSeconds,
    [property: JsonPropertyName("Dead_Letters")] long DeadLetters,
    [property: JsonPropertyName("Heartbeat_Age_Seconds")] double? HeartbeatAgeSeconds,
    [property: JsonPropertyName("Rebuild_Floor")] long? RebuildFloor,
    [property: JsonPropertyName("Rebuild_Target")] long? RebuildTarget,
    [property: JsonPropertyName("Last_Error")] string? LastError)
{
    public static ProjectionAnswer From(ProjectionStatus s) =>
        new(s.Name, s.Kind, s.State, s.Floor, s.HighWater, s.LagEvents, s.LagSeconds, s.DeadLetters, s.HeartbeatAgeSeconds, s.RebuildFloor, s.RebuildTarget, s.LastError);

    /// <summary>Inline projections are written with the events, so they are never behind.</summary>
    public static ProjectionAnswer Inline(string name, long highWater) =>
        new(name, "inline", ProcessorState.Running, highWater, highWater, 0, 0, 0, null, null, null, null);
}
