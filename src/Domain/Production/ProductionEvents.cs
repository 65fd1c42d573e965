namespace Energy.Domain.Production;

/// <summary>What describes a product (seed 8.2/8.3).</summary>
public sealed record ProductDetails(string Name, string Unit, string Remarks);

public sealed record ProductRegistered(long ProductId, ProductDetails Details) : IEvent;

/// <summary>Carries the whole new description.</summary>
public sealed record ProductChanged(long ProductId, ProductDetails Details) : IEvent;

/// <summary>The product's name becomes free; outputs recorded for it keep pointing at it.</summary>
public sealed record ProductDeleted(long ProductId, DateTimeOffset DeletedAt) : IEvent;

/// <summary>A production batch (seed 8.11): its name and [Start, End).</summary>
public sealed record BatchDetails(string Name, DateTimeOffset Start, DateTimeOffset End);

public sealed record BatchRegistered(long BatchId, BatchDetails Details) : IEvent;

public sealed record BatchChanged(long BatchId, BatchDetails Details) : IEvent;

public sealed record BatchDeleted(long BatchId, DateTimeOffset DeletedAt) : IEvent;

/// <summary>What an output record says (seed 8.6): <see cref="Amount"/> of a product made on a machine in [Start, End).</summary>
public sealed record OutputDetails(long ProductId, long MachineId, long BatchId, decimal Amount, DateTimeOffset Start, DateTimeOffset End);

/// <summary>An output record was entered (8.6) at <paramref name="RecordedAt"/> (the seed's Create_Time).</summary>
public sealed record OutputRecorded(long OutputId, OutputDetails Details, DateTimeOffset RecordedAt) : IEvent;

/// <summary>
/// An output record was corrected (8.7): the whole new description. The previous one stays in the stream,
/// so the audit shows what was corrected, when and by whom (event metadata).
/// </summary>
public sealed record OutputCorrected(long OutputId, OutputDetails Details, DateTimeOffset CorrectedAt) : IEvent;

/// <summary>An output record was removed (8.8); it no longer counts in any statistic.</summary>
public sealed record OutputRemoved(long OutputId, DateTimeOffset RemovedAt) : IEvent;
