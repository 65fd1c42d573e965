using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Production;
using Energy.Domain.Production;
using Energy.Http.Contract;

namespace Energy.Http.Production;

/// <summary>8.2/8.3 body (<c>id</c> only for 8.3).</summary>
public sealed record ProductRequest(
    [property: JsonPropertyName("Product_Name"), JsonConverter(typeof(FlexibleStringConverter))] string? Name = null,
    [property: JsonPropertyName("Product_Unit"), JsonConverter(typeof(FlexibleStringConverter))] string? Unit = null,
    [property: JsonPropertyName("Remarks"), JsonConverter(typeof(FlexibleStringConverter))] string? Remarks = null,
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleLongConverter))] long Id = 0)
{
    public ProductDetails ToDetails() => new(Name ?? "", Unit ?? "", Remarks ?? "");
}

/// <summary>8.11/8.12 body; the times are required here (Amount_Type 6 divides by the batch's hours).</summary>
public sealed record BatchRequest(
    [property: JsonPropertyName("Production_Batch"), JsonConverter(typeof(FlexibleStringConverter))] string? Name = null,
    [property: JsonPropertyName("Time_Start")] string? Start = null,
    [property: JsonPropertyName("Time_End")] string? End = null,
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleLongConverter))] long Id = 0)
{
    public BatchDetails ToDetails(PlantTime clock) =>
        new(Name ?? "", clock.Parse(Start, "Time_Start"), clock.Parse(End, "Time_End"));
}

/// <summary>8.6/8.7 body; every field is required by the seed.</summary>
public sealed record OutputRequest(
    [property: JsonPropertyName("Product_id"), JsonConverter(typeof(FlexibleLongConverter))] long ProductId,
    [property: JsonPropertyName("Total_Amount"), JsonConverter(typeof(FlexibleStringConverter))] string? Amount,
    [property: JsonPropertyName("Meter_Superior_id"), JsonConverter(typeof(FlexibleLongConverter))] long MachineId,
    [property: JsonPropertyName("Time_Start")] string? Start,
    [property: JsonPropertyName("Time_End")] string? End,
    [property: JsonPropertyName("ProductBatch_id"), JsonConverter(typeof(FlexibleLongConverter))] long BatchId,
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleLongConverter))] long Id = 0)
{
    public OutputDetails ToDetails(PlantTime clock)
    {
        var amount = decimal.TryParse(Amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a)
            ? a
            : throw ContractError.BadParameter("Total_Amount", Amount is null ? "is required (a number ≥ 0)" : $"must be a number ≥ 0, got \"{Amount}\"");
        return new(Positive(ProductId, "Product_id"), Positive(MachineId, "Meter_Superior_id"), Positive(BatchId, "ProductBatch_id"),
            amount, clock.Parse(Start, "Time_Start"), clock.Parse(End, "Time_End"));
    }

    private static long Positive(long id, string field) =>
        id > 0 ? id : throw ContractError.BadParameter(field, "is required (a positive integer id)");
}

public sealed record ProductResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Product_Name")] string Name,
    [property: JsonPropertyName("Product_Unit")] string Unit,
    [property: JsonPropertyName("Remarks")] string Remarks)
{
    public static ProductResponse From(ProductRow r) => new(r.Id, r.Name, r.Unit, r.Remarks);
}

public sealed record BatchResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Production_Batch")] string Name,
    [property: JsonPropertyName("Time_Start")] string Start,
    [property: JsonPropertyName("Time_End")] string End);

/// <summary>8.5 row; <c>ProductBatch_id</c> is a string as the seed types it.</summary>
public sealed record OutputResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Product_id")] long ProductId,
    [property: JsonPropertyName("Total_Amount")] decimal Amount,
    [property: JsonPropertyName("Meter_Superior_id")] long MachineId,
    [property: JsonPropertyName("Time_Start")] string Start,
    [property: JsonPropertyName("Time_End")] string End,
    [property: JsonPropertyName("Create_Time")] string CreatedAt,
    [property: JsonPropertyName("ProductBatch_id")] string BatchId);

/// <summary>8.9 row. <c>Total_Amount</c> is a string so a division by zero output can be "" (CONTRACT §7).</summary>
public sealed record OutputStatisticResponse(
    [property: JsonPropertyName("Product_Name")] string Product,
    [property: JsonPropertyName("Meter_Superior")] string Machine,
    [property: JsonPropertyName("Time")] string Time,
    [property: JsonPropertyName("Total_Amount")] string Amount,
    [property: JsonPropertyName("Coal_Factor_Set")] string FactorSet);

/// <summary>8.14 row.</summary>
public sealed record BatchStatisticResponse(
    [property: JsonPropertyName("Production_Batch")] string Batch,
    [property: JsonPropertyName("Product_Name")] string Product,
    [property: JsonPropertyName("Meter_Superior")] string Machine,
    [property: JsonPropertyName("Total_Amount")] string Amount,
    [property: JsonPropertyName("Coal_Factor_Set")] string FactorSet);
