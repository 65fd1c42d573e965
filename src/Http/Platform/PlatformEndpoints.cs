using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Platform;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Platform;

/// <summary>5.5's body: the organisation's social credit code and its county-level region code.</summary>
public sealed record VersionUpdateRequest(
    [property: JsonPropertyName("enterpriseCode"), JsonConverter(typeof(FlexibleStringConverter))] string? EnterpriseCode,
    [property: JsonPropertyName("region"), JsonConverter(typeof(FlexibleStringConverter))] string? Region);

/// <summary>Seed 5.1–5.5, 5.7, 5.8: the provincial platform (CONTRACT §7). 5.6 lives with the readings.</summary>
public static class PlatformEndpoints
{
    private static readonly ApiFeature Feature = new("Platform", "Seed 5.1–5.5, 5.7, 5.8: the provincial energy-monitoring platform (省平台); 5.6 is with the readings.");

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);
        read.MapGet("/PRP_base_infos", async (PlatformQueries queries, CancellationToken ct) => Envelope.Single(await queries.BaseDataAsync(ct)))
            .WithSummary("5.1 获取省平台基础数据").AnswersData<JsonObject>("ok: Data[0] is the platform's base data as it sent it");
        read.MapGet("/PRP_organization_infos", async (PlatformQueries queries, CancellationToken ct) => Envelope.Single(await queries.OrganisationAsync(ct)))
            .WithSummary("5.3 获取用能单位基础信息").AnswersData<JsonObject>("ok: Data[0] is the organisation info as 5.2 uploaded it");
        read.MapGet("/PRP_version", async (PlatformQueries queries, CancellationToken ct) => Envelope.Single(await queries.VersionAsync(ct)))
            .WithSummary("5.4 获取版本信息").AnswersData<JsonObject>("ok: Data[0] is the platform's version info");
        read.MapGet("/PRP_uploaded_energy_measure_datas", UploadsAsync).WithSummary("5.7 获取采集数据上传记录")
            .SeedQuery("Time_Start", SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery("Time_End", SeedType.Time, required: true, description: "查询结束时间")
            .AnswersData<JsonObject>("ok: per upload its id, Original_Data, Target_Url, Response_Data and Upload_Time");
        read.MapGet("/PRP_operation_result", OperationResultAsync).WithSummary("5.8 获取省平台操作结果")
            .SeedQuery("Operation_Type", SeedType.Int, required: true, description: "1 上传用能单位基础信息 (5.2), 2 更新版本数据 (5.5)")
            .AnswersData<JsonObject>("ok: Data[0] holds Result (1 success, 0 failure) and the platform's Response_Data");

        var admin = app.MapGroup("/api_3").RequireAuthorization(AuthPolicies.Admin).InFeature(Feature);
        admin.MapPut("/PRP_organization_infos", SetOrganisationAsync).WithSummary("5.2 上传用能单位基础信息").AnswersOk();
        admin.MapPost("/PRP_version", UpdateVersionAsync).WithSummary("5.5 更新版本数据(更新后平台基础数据会变化)").AnswersOk();
        return app;
    }

    private static async Task<IResult> SetOrganisationAsync(JsonObject? body, PlatformHandler handler, HttpContext context, CancellationToken ct)
    {
        if (body is null)
        {
            throw ContractError.BadRequest("the body must be 5.2's JSON object");
        }

        await handler.SetOrganisationAsync(body, context.Actor(), ct);
        return Envelope.Ok();
    }

    private static async Task<IResult> UpdateVersionAsync(VersionUpdateRequest request, PlatformHandler handler, HttpContext context, CancellationToken ct)
    {
        var enterprise = request.EnterpriseCode?.Trim();
        var region = request.Region?.Trim();
        if (string.IsNullOrEmpty(enterprise))
        {
            throw ContractError.BadParameter("enterpriseCode", "is required (the social credit code)");
        }

        if (region is not { Length: 6 } || !region.All(char.IsAsciiDigit))
        {
            throw ContractError.BadParameter("region", $"must be a 6-digit region code to the county, got \"{region}\"");
        }

        await handler.UpdateVersionAsync(enterprise, region, context.Actor(), ct);
        return Envelope.Ok();
    }

    private static async Task<IResult> UploadsAsync(HttpContext context, PlatformQueries queries, PlantTime plantTime, CancellationToken ct)
    {
        var from = Query.RequiredTime(context, "Time_Start");
        var to = Query.RequiredTime(context, "Time_End");
        var rows = await queries.UploadsAsync(from, to, ct);
        return Envelope.Data(rows.Select(r => new JsonObject
        {
            ["id"] = r.Id,
            ["Original_Data"] = r.OriginalData?.DeepClone(),
            ["Target_Url"] = r.TargetUrl,
            ["Response_Data"] = r.ResponseData?.DeepClone(),
            ["Upload_Time"] = plantTime.Format(r.UploadTime),
        }));
    }

    private static async Task<IResult> OperationResultAsync(HttpContext context, PlatformQueries queries, CancellationToken ct)
    {
        var type = Query.RequiredInt(context, "Operation_Type");
        if (type is not (PlatformHandler.OperationOrganisation or PlatformHandler.OperationVersion))
        {
            throw ContractError.BadParameter("Operation_Type", $"must be 1 (organisation info upload) or 2 (version update), got {type}");
        }

        var last = await queries.LastOperationAsync(type, ct)
            ?? throw new ContractError(ErrNo.NoSuchRecord, $"无数据: no operation of type {type} has been made yet");
        return Envelope.Single(new JsonObject { ["Result"] = last.Succeeded ? 1 : 0, ["Response_Data"] = last.ResponseData });
    }
}
