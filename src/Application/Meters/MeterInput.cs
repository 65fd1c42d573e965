namespace Energy.Application.Meters;

/// <summary>
/// A meter as a create (2.1) or update (2.2) sends it, already in C# types. Name, type and machine are
/// required by the seed; a null optional field takes its default on create and keeps its value on update.
/// </summary>
/// <param name="DeviceCode">(ext) <c>Meter_Code</c>: null keeps, "" unbinds, a number binds that device.</param>
/// <param name="TotalAmount"><c>Meter_TotalAmount</c>, the total before the device was exchanged.</param>
/// <param name="BaseVersion">
/// (ext) <c>Meter_Version</c> on an update: the version of the meter the client last read (2.3 lists it).
/// Only the fields the client changed relative to that version are applied, so two clients editing
/// different fields of one meter never overwrite each other; null means "the meter as it is now".
/// </param>
public sealed record MeterInput(
    string Name,
    int EnergyType,
    long MachineId,
    string? Remarks = null,
    bool? IsVirtual = null,
    string? Formula = null,
    bool? IsTotal = null,
    bool? IsCount = null,
    bool? IsHandWork = null,
    string? DeviceCode = null,
    decimal? TotalAmount = null,
    long? BaseVersion = null);
