using Energy.Application.Common;
using Energy.Application.Machines;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;
using Energy.Http.Meters;

namespace Energy.Http.Machines;

/// <summary>Seed 2.5–2.9: machines ("metersuperiors"), their images, and a machine as it was at a time.</summary>
public static class MachineEndpoints
{
    private static readonly ApiFeature Feature = new("Machines", "Seed 2.5–2.9: machines (metersuperiors) and their images, and (ext) a machine as it was at a time.");

    public static IEndpointRouteBuilder MapMachineEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);
        api.MapGet("/metersuperiors", ListAsync).WithSummary("2.5 获取所有机器")
            .SeedQuery("id", SeedType.Id, description: "获取单条: only this machine")
            .SeedQuery("Meter_Department", SeedType.String, description: "根据部门筛选: only this department's machines")
            .SeedPaging().AnswersPage<MachineResponse>();
        api.MapPost("/metersuperiors", async (RegisterMachineRequest body, HttpContext context, MachineHandler machines, CancellationToken ct) =>
            Envelope.Created(await machines.RegisterAsync(body.ToDetails(), context.Actor(), ct)))
            .WithSummary("2.6 增加机器").AnswersCreated();
        api.MapPut("/metersuperiors", async (ChangeMachineRequest body, HttpContext context, MachineHandler machines, CancellationToken ct) =>
        {
            await machines.ChangeAsync(body.Id, body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("2.7 修改机器").AnswersOk();
        api.MapDelete("/metersuperiors", async (HttpContext context, MachineHandler machines, CancellationToken ct) =>
        {
            await machines.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("2.8 删除机器").SeedDeleteId().AnswersOk();
        api.MapPost("/metersuperior_image", UploadAsync).WithSummary("2.9 上传机器图片")
            .ReadsBody(typeof(MachineImageForm), "multipart/form-data",
                "Meter_Superior_id and the file Machine_Image: PNG, JPEG or WebP (judged by its bytes), at most 5 MiB")
            .AnswersData<MachineImageResponse>("ok: Data[0] holds the machine's id and the image's URL");
        api.MapGet("/machine_images/{file}", (string file, MachineImageHandler images, HttpContext context) =>
        {
            // Served as exactly the type stored, never sniffed into HTML by a browser (issue 17).
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return images.Find(file) is { } image
                ? Results.File(image.Path, image.ContentType)
                : Envelope.Error(ErrNo.NoSuchRecord, $"无数据: no image named '{file}'");
        }).WithSummary("(ext) A machine image, by the file name of its URL")
            .AnswersFile("the image as stored", "image/png", "image/jpeg", "image/webp");
        api.MapGet("/audit/machines/{id}", async (string id, HttpContext context, MachineQueries machines, CancellationToken ct) =>
        {
            var machineId = CatalogRequests.RouteId(id);
            var asOf = Query.RequiredTime(context, "As_Of");
            var machine = await machines.AsOfAsync(machineId, asOf, ct) ?? throw ContractError.NotFound("machine (at As_Of)", machineId);
            return Envelope.Single(MachineResponse.From(MachineQueries.ToRow(machine)));
        }).WithSummary("(ext) A machine as it was at a time")
            .SeedQuery("As_Of", SeedType.Time, required: true, description: "the time to show the machine at")
            .AnswersData<MachineResponse>();
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, MachineQueries machines, CancellationToken ct)
    {
        var filter = new MachineFilter(Query.OptionalString(context, "id") is null ? null : Query.RequiredId(context),
            Query.OptionalString(context, "Meter_Department"));
        var (rows, total) = await machines.ListAsync(filter, Query.Paging(context), ct);
        return Envelope.Page(rows.Select(MachineResponse.From), total);
    }

    /// <summary>2.9, multipart: <c>Meter_Superior_id</c> and the file <c>Machine_Image</c>.</summary>
    private static async Task<IResult> UploadAsync(HttpContext context, MachineImageHandler images, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            throw ContractError.BadRequest("2.9 takes multipart/form-data with Meter_Superior_id and the file Machine_Image");
        }

        var form = await ReadFormAsync(context.Request, ct);
        var idText = form["Meter_Superior_id"].ToString().Trim();
        if (!long.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var machineId) || machineId <= 0)
        {
            throw ContractError.BadParameter("Meter_Superior_id", idText.Length == 0 ? "is required" : $"must be a positive integer id, got \"{idText}\"");
        }

        var file = form.Files[MachineImageHandler.Field] ?? throw ContractError.BadParameter(MachineImageHandler.Field, "is required (a file)");
        if (file.Length > MachineImageHandler.MaxBytes)
        {
            throw ContractError.BadParameter(MachineImageHandler.Field, $"must be at most 5 MiB ({MachineImageHandler.MaxBytes} bytes), got {file.Length} bytes");
        }

        await using var content = file.OpenReadStream();
        var url = await images.AttachAsync(machineId, content, context.Actor(), ct);
        return Envelope.Single(new MachineImageResponse(machineId, url));
    }

    /// <summary>
    /// The multipart form, or a 4103 saying why it is not one: a missing or broken boundary, a part cut short.
    /// The framework throws <see cref="InvalidDataException"/> or <see cref="IOException"/> for those, which
    /// are the client's body, not a failure of the service.
    /// </summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            throw ContractError.BadRequest("2.9 takes multipart/form-data with a boundary (Content-Type: multipart/form-data; boundary=…) "
                + "and complete parts Meter_Superior_id and Machine_Image; this body could not be read as one");
        }
    }
}
