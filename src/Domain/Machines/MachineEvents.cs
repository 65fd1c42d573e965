namespace Energy.Domain.Machines;

/// <summary>A machine (the seed's "metersuperior") and what describes it (seed 2.6/2.7).</summary>
public sealed record MachineDetails(string Name, string Department, string EquipmentCode, string EquipmentUnitCode);

/// <summary>A machine was created with the id the service assigned.</summary>
public sealed record MachineRegistered(long MachineId, MachineDetails Details) : IEvent;

/// <summary>A machine's name, department or equipment codes changed; carries the whole new description.</summary>
public sealed record MachineChanged(long MachineId, MachineDetails Details) : IEvent;

/// <summary>
/// An image was attached (seed 2.9). The file lives outside the log, named by <paramref name="ContentHash"/>
/// (SHA-256, hex), so the event says exactly which bytes the machine showed from then on.
/// </summary>
public sealed record MachineImageAttached(long MachineId, string ContentHash, string ContentType, string ImageUrl) : IEvent;

/// <summary>A machine was deleted (seed 2.8); its name becomes free again.</summary>
public sealed record MachineDeleted(long MachineId, DateTimeOffset DeletedAt) : IEvent;
