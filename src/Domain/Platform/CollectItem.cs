namespace Energy.Domain.Platform;

/// <summary>
/// A 5.2 <c>collectItemConfig</c> entry: which meter's consumption is reported under which platform code.
/// The codes are kept as given (2 digits each, the energy code 6).
/// </summary>
public sealed record CollectItem(
    string Name,
    long MeterId,
    string ProcessCode,
    string ProcessUnitCode,
    string EquipmentCode,
    string EquipmentUnitCode,
    string EnergyCode,
    string? RealZbckz,
    string DataUsageCode,
    string InputType,
    string StatType,
    string? CollectSystemName,
    string? Remark,
    int Scope)
{
    /// <summary>process(2) + unit(2) + equipment(2) + equipment unit(2) + energy code(6) + usage(2) (CONTRACT §7).</summary>
    public string DataCode => ProcessCode + ProcessUnitCode + EquipmentCode + EquipmentUnitCode + EnergyCode + DataUsageCode;

    /// <summary>What the upload ledger knows the item by: its meter and code (a renamed item keeps its place).</summary>
    public string Key => $"{MeterId}:{DataCode}";
}
