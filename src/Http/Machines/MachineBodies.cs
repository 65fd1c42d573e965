using System.Text.Json.Serialization;
using Energy.Application.Machines;
using Energy.Domain.Machines;

namespace Energy.Http.Machines;

/// <summary>2.6 body; every field is required by the seed.</summary>
public sealed record RegisterMachineRequest(
    [property: JsonPropertyName("Meter_Superior")] string Name,
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("equipmentCode")] string EquipmentCode,
    [property: JsonPropertyName("equipmentUnitCode")] string EquipmentUnitCode)
{
    public MachineDetails ToDetails() => new(Name, Department, EquipmentCode, EquipmentUnitCode);
}

/// <summary>2.7 body.</summary>
public sealed record ChangeMachineRequest(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Meter_Superior")] string Name,
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("equipmentCode")] string EquipmentCode,
    [property: JsonPropertyName("equipmentUnitCode")] string EquipmentUnitCode)
{
    public MachineDetails ToDetails() => new(Name, Department, EquipmentCode, EquipmentUnitCode);
}

/// <summary>A machine as 2.5 answers it.</summary>
public sealed record MachineResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Meter_Superior")] string Name,
    [property: JsonPropertyName("Meter_Department")] string Department,
    [property: JsonPropertyName("Machine_Image_Url")] string ImageUrl,
    [property: JsonPropertyName("equipmentCode")] string EquipmentCode,
    [property: JsonPropertyName("equipmentUnitCode")] string EquipmentUnitCode)
{
    public static MachineResponse From(MachineRow row) =>
        new(row.Id, row.Name, row.Department, row.ImageUrl, row.EquipmentCode, row.EquipmentUnitCode);
}

/// <summary>2.9's answer (the seed lists none): where the image is served now.</summary>
public sealed record MachineImageResponse(
    [property: JsonPropertyName("Meter_Superior_id")] long MachineId,
    [property: JsonPropertyName("Machine_Image_Url")] string ImageUrl);
