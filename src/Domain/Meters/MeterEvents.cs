namespace Energy.Domain.Meters;

/// <summary>
/// What describes a meter (seed 2.1/2.2). The device binding and the total-before-exchange offset are not
/// here: they take effect from an instant and have their own events.
/// </summary>
/// <param name="EnergyType">CONTRACT §2 code, 0–8.</param>
/// <param name="Formula">The virtual meter's formula as the client wrote it; "" for a real meter.</param>
public sealed record MeterDetails(
    string Name,
    int EnergyType,
    long MachineId,
    string Remarks,
    bool IsVirtual,
    string Formula,
    bool IsTotal,
    bool IsCount,
    bool IsHandWork);

/// <summary>A meter was created on a machine.</summary>
public sealed record MeterRegistered(long MeterId, MeterDetails Details, DateTimeOffset RegisteredAt) : IEvent;

/// <summary>A meter's description changed (name, type, machine, flags, formula); carries the whole new description.</summary>
public sealed record MeterChanged(long MeterId, MeterDetails Details) : IEvent;

/// <summary>
/// The meter shows the readings of device <paramref name="DeviceCode"/> (the vendor's meter number) from
/// <paramref name="BoundAt"/> on (CONTRACT §4 Meter_Code).
/// </summary>
public sealed record MeterBoundToDevice(long MeterId, string DeviceCode, DateTimeOffset BoundAt) : IEvent;

/// <summary>The meter stops showing the device's readings from <paramref name="UnboundAt"/> on.</summary>
public sealed record MeterUnboundFromDevice(long MeterId, string DeviceCode, DateTimeOffset UnboundAt) : IEvent;

/// <summary>
/// <c>Meter_TotalAmount</c>, the total before the device was exchanged, is added to the device counter from
/// <paramref name="SetAt"/> on; earlier consumption is untouched (CONTRACT §4).
/// </summary>
public sealed record MeterTotalAmountSet(long MeterId, decimal TotalAmount, DateTimeOffset SetAt) : IEvent;

/// <summary>The meter stops counting at <paramref name="DeletedAt"/>; what it counted before stays in history.</summary>
public sealed record MeterDeleted(long MeterId, DateTimeOffset DeletedAt) : IEvent;
