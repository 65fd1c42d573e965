namespace Energy.Application.EventStore;

/// <summary>
/// An event with its own id or metadata. Plain event objects can be appended directly; wrap one in
/// <see cref="NewEvent"/> when the id must be deterministic (a reactor's effect keyed by its source event)
/// or when one event's metadata differs from the request's.
/// </summary>
public sealed record NewEvent(object Data, Guid? Id = null, EventMetadata? Metadata = null);
