namespace Energy.Application.Tests.EventStore.Support;

public sealed record CounterIncremented(int Amount);

public sealed record NoteWritten(string Text, decimal Reading);

/// <summary>An event the poisoning projection refuses to apply.</summary>
public sealed record PoisonPill(string Why);
