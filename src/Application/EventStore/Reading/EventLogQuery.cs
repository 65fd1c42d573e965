namespace Energy.Application.EventStore;

/// <summary>A slice of the whole log for auditors: by time, type and stream, in log order.</summary>
public sealed record EventLogQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlyCollection<string>? Types = null,
    string? Stream = null,
    long Offset = 0,
    int Limit = 100);

public sealed record EventLogPage(IReadOnlyList<EventEnvelope> Events, long Total);
