using System.Text.Json;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Vendor;
using Energy.Domain.Vendor;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Vendor;

/// <summary>1.1: <c>Archive_Mode</c> "0" adds, "1" removes; <c>Meters</c> 1–8 device numbers, comma separated.</summary>
public sealed record ArchiveRequest(
    [property: JsonPropertyName("Archive_Mode")] string ArchiveMode,
    [property: JsonPropertyName("Concentrator")] string Concentrator,
    [property: JsonPropertyName("Meters")] string Meters);

public sealed record ArchiveResultRequest([property: JsonPropertyName("Message")] string Message);

/// <summary>2.1: <c>Task_Mode</c> "0" recall (数据召测), "1" close the relay (合闸), "2" open it (拉闸).</summary>
public sealed record DispatchTaskRequest(
    [property: JsonPropertyName("Meter_Code")] string MeterCode,
    [property: JsonPropertyName("Task_Mode")] string TaskMode);

/// <summary>(ext) CONTRACT §5: a logged-in user drives the vendor's archive and task APIs.</summary>
public static class VendorEndpoints
{
    private static readonly ApiFeature Feature = new("Vendor", "(ext) CONTRACT §5: the vendor's archive and task APIs (seed 003 1.x, 2.1), driven by a logged-in user.");

    public static IEndpointRouteBuilder MapVendorEndpoints(this IEndpointRouteBuilder app)
    {
        var vendor = app.MapGroup("/api_3/vendor").RequireAuthorization().InFeature(Feature);
        vendor.MapPost("/archive", ArchiveAsync).WithSummary("(ext) 003 1.1 建档请求: add meters to a concentrator or remove them")
            .AnswersData<Dictionary<string, string>>("ok: Data[0] holds Concentrator and the vendor's Message");
        vendor.MapPost("/archive/result", ArchiveResultAsync).WithSummary("(ext) 003 1.2 建档结果解析: read an archive message")
            .AnswersData<Dictionary<string, string>>("ok: Data[0].Msg is the vendor's reading of the message");
        vendor.MapPost("/tasks", DispatchAsync).WithSummary("(ext) 003 2.1 任务下发: recall a meter, or close or open its relay")
            .AnswersData<Dictionary<string, string>>("ok: Data[0].Task_Id names the task; its result arrives on /api/bbi/callback");
        vendor.MapGet("/tasks", ListTasksAsync).WithSummary("(ext) The dispatched tasks and their results")
            .SeedQuery("Meter_Code", SeedType.String, description: "only this device's tasks")
            .SeedQuery("Task_Id", SeedType.String, description: "only this task")
            .SeedPaging().AnswersPage<VendorTaskView>();
        return app;
    }

    private static async Task<IResult> ArchiveAsync(ArchiveRequest request, VendorTaskHandler handler, CancellationToken ct)
    {
        var mode = request.ArchiveMode.Trim() switch
        {
            "0" => ArchiveMode.Add,
            "1" => ArchiveMode.Remove,
            _ => throw ContractError.BadParameter("Archive_Mode", $"must be \"0\" (add meters) or \"1\" (remove them), got \"{request.ArchiveMode}\""),
        };
        if (string.IsNullOrWhiteSpace(request.Concentrator))
        {
            throw ContractError.BadParameter("Concentrator", "is required (the concentrator's number)");
        }

        var meters = ParameterList.Split(request.Meters);
        if (meters.Count is < 1 or > VendorTaskHandler.MaxArchiveMeters)
        {
            throw ContractError.BadParameter("Meters", $"must list 1 to {VendorTaskHandler.MaxArchiveMeters} meter numbers, got {meters.Count}");
        }

        var reply = await handler.ArchiveAsync(mode, request.Concentrator.Trim(), meters, ct);
        return Envelope.Single(new Dictionary<string, string> { ["Concentrator"] = reply.Concentrator, ["Message"] = reply.Message });
    }

    private static async Task<IResult> ArchiveResultAsync(ArchiveResultRequest request, VendorTaskHandler handler, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Message))
        {
            throw ContractError.BadParameter("Message", "is required (the archive message 1.1 returned)");
        }

        var msg = await handler.ArchiveResultAsync(request.Message.Trim(), ct);
        return Envelope.Single(new Dictionary<string, string> { ["Msg"] = msg });
    }

    private static async Task<IResult> DispatchAsync(DispatchTaskRequest request, VendorTaskHandler handler, HttpContext context, CancellationToken ct)
    {
        var mode = request.TaskMode.Trim() switch
        {
            "0" => VendorTaskMode.Recall,
            "1" => VendorTaskMode.CloseRelay,
            "2" => VendorTaskMode.OpenRelay,
            _ => throw ContractError.BadParameter("Task_Mode", $"must be \"0\" (recall), \"1\" (close the relay) or \"2\" (open it), got \"{request.TaskMode}\""),
        };
        if (string.IsNullOrWhiteSpace(request.MeterCode))
        {
            throw ContractError.BadParameter("Meter_Code", "is required (the device number)");
        }

        var taskId = await handler.DispatchAsync(request.MeterCode.Trim(), mode, context.Actor(), ct);
        return Envelope.Single(new Dictionary<string, string> { ["Task_Id"] = taskId });
    }

    private static async Task<IResult> ListTasksAsync(HttpContext context, VendorTaskQueries queries, PlantTime plantTime, CancellationToken ct)
    {
        var (rows, total) = await queries.ListAsync(
            Query.OptionalString(context, "Meter_Code"), Query.OptionalString(context, "Task_Id"), Query.Paging(context), ct);
        return Envelope.Page(rows.Select(r => new VendorTaskView(
            r.TaskId,
            r.Device,
            r.Mode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Time(plantTime, r.DispatchedAt),
            r.DispatchedBy ?? "",
            r.CompletedAt is null ? "dispatched" : "completed",
            Time(plantTime, r.CompletedAt),
            r.RelayState ?? "",
            r.Result is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(r.Result))), total);
    }

    private static string Time(PlantTime plantTime, DateTime? utc) =>
        utc is { } t ? plantTime.Format(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))) : "";

    private sealed record VendorTaskView(
        [property: JsonPropertyName("Task_Id")] string TaskId,
        [property: JsonPropertyName("Meter_Code")] string MeterCode,
        [property: JsonPropertyName("Task_Mode")] string TaskMode,
        [property: JsonPropertyName("Dispatch_Time")] string DispatchTime,
        [property: JsonPropertyName("Dispatch_User")] string DispatchUser,
        [property: JsonPropertyName("Task_Status")] string Status,
        [property: JsonPropertyName("Complete_Time")] string CompleteTime,
        [property: JsonPropertyName("Relay_State")] string RelayState,
        [property: JsonPropertyName("Task_Result")] Dictionary<string, string>? Result);
}
