namespace Energy.Domain;

/// <summary>
/// Marks a domain event: a past-tense fact appended to a stream. Every implementing record is registered
/// with the event store under its type name, so names must stay stable once events are stored.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1040:Avoid empty interfaces", Justification = "A marker the store registers events by.")]
public interface IEvent;
