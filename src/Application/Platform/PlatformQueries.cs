using System.Text.Json;
using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Domain.Platform;
using Energy.Application.EventStore;
using Microsoft.Extensions.Options;

namespace Energy.Application.Platform;

/// <summary>One 5.7 row.</summary>
public sealed record UploadRecord(long Id, JsonNode? OriginalData, string TargetUrl, JsonNode? ResponseData, DateTimeOffset UploadTime, bool Succeeded);

/// <summary>5.1, 5.3, 5.4, 5.7 and 5.8 from the platform streams.</summary>
public sealed class PlatformQueries(IEventStore store, PlatformClient platform, IOptions<PlatformOptions> options)
{
    private static readonly Lazy<string> BuiltIn = new(() =>
    {
        using var stream = typeof(PlatformQueries).Assembly.GetManifestResourceStream("Energy.Application.Platform.basedata.json")
            ?? throw new InvalidOperationException("The embedded platform dictionaries are missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public async Task<PlatformState> StateAsync(CancellationToken ct) =>
        (await store.AggregateStreamAsync(PlatformState.StreamId, PlatformState.Empty, PlatformState.Evolve, ct: ct)).State;

    /// <summary>5.1: the dictionaries of the last version update, else those shipped with the service.</summary>
    public async Task<JsonObject> BaseDataAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        var document = JsonNode.Parse(state.Dictionary?.Document ?? BuiltIn.Value)!.AsObject();
        return new JsonObject
        {
            ["collectSystemType"] = document["collectSystemType"]?.DeepClone() ?? new JsonArray(),
            ["collectItemUsage"] = document["collectItemUsage"]?.DeepClone() ?? new JsonArray(),
            ["collectItem"] = document["collectItem"]?.DeepClone() ?? new JsonArray(),
        };
    }

    /// <summary>5.3: what 5.2 stored; 4002 before the first 5.2.</summary>
    public async Task<JsonObject> OrganisationAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        return state.Document is null
            ? throw new ContractError(ErrNo.NoSuchRecord, "无数据: the organisation info has not been uploaded (5.2) yet")
            : JsonNode.Parse(state.Document)!.AsObject();
    }

    /// <summary>5.4: the registration's versions; <c>requireUpdate</c> 1 when unregistered or the platform reports newer ones.</summary>
    public async Task<JsonObject> VersionAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        var r = state.Registration;
        var requireUpdate = r is null ? 1 : 0;
        if (r is not null && options.Value.BaseUrl is not null)
        {
            var reply = await platform.GetAsync(PlatformHandler.Url(r, "version", options.Value.VersionPath), ct);
            if (reply.Succeeded && reply.Json() is { } latest)
            {
                var reg = latest["regVersion"]?.ToString();
                var dic = latest["dicVersion"]?.ToString();
                requireUpdate = (reg is not null && reg != r.RegVersion) || (dic is not null && dic != r.DicVersion) ? 1 : 0;
            }
        }

        return new JsonObject
        {
            ["regVersion"] = r?.RegVersion ?? "",
            ["dicVersion"] = state.Dictionary?.DicVersion ?? r?.DicVersion ?? "",
            ["requireUpdate"] = requireUpdate,
            ["deviceID"] = r?.DeviceId ?? "",
            ["enterpriseCode"] = r?.EnterpriseCode ?? "",
            ["region"] = r?.Region ?? "",
        };
    }

    /// <summary>5.7: upload attempts made in [from, to], oldest first.</summary>
    public async Task<IReadOnlyList<UploadRecord>> UploadsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var events = await store.ReadStreamAsync(UploadLedger.StreamId, ct: ct);
        return events
            .Where(e => e.Data is PlatformUploadAttempted a && a.At >= from && a.At <= to)
            .Select(e =>
            {
                var a = (PlatformUploadAttempted)e.Data;
                return new UploadRecord(e.Version, Parse(a.OriginalData), a.TargetUrl, Parse(a.ResponseData), a.At, a.Succeeded);
            })
            .ToList();
    }

    /// <summary>5.8: the last operation of a type, or null if none was made.</summary>
    public async Task<PlatformOperationRecorded?> LastOperationAsync(int type, CancellationToken ct) =>
        (await StateAsync(ct)).LastOperations.GetValueOrDefault(type);

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
