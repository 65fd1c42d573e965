using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Energy.Application.Common;
using Energy.Application.Platform;
using Energy.Http.Auth;
using Energy.Http.Contract;

namespace Energy.Http.Platform;

/// <summary>5.5's body: the organisation's social credit code and its county-level region code.</summary>
public sealed record VersionUpdateRequest(
    [property: JsonPropertyName("enterpriseCode"), JsonConverter(typeof(FlexibleStringConverter))] string? EnterpriseCode,
    [property: JsonPropertyName("region"), JsonConverter(typeof(FlexibleStringConverter))] string? Region);

/// <summary>Seed 5.1–5.5, 5.7, 5.8: the provincial platform (CONTRACT §7). 5.6 lives with the readings.</summary>
public static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api_3").RequireAuthorization();
        read.MapGet("/PRP_base_infos", async (PlatformQueries queries, CancellationToken ct) => Envelope.Single(await queries.BaseDataAsync(ct)));
        read.MapGet("/PRP_organization_infos", async (PlatformQueries queries, CancellationToken ct) => Envelope.Single(await queries.OrganisationAsync(ct)));
        read.MapGet("/PRP_version", async (PlatformQueries queries, CancellationToken ct) => Envelope.Single(await queries.VersionAsync(ct)));
        read.MapGet("/PRP_uploaded_energy_measure_datas", UploadsAsync);
        read.MapGet("/PRP_operation_result", OperationResultAsync);

        var admin = app.MapGroup("/api_3").RequireAuthorization(AuthPolicies.Admin);
        admin.MapPut("/PRP_organization_infos", SetOrganisationAsync);
        admin.MapPost("/PRP_version", UpdateVersionAsync);
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
