using System.Text.Json.Nodes;
using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Platform;
using Energy.Application.EventStore;
using Microsoft.Extensions.Options;

namespace Energy.Application.Platform;

/// <summary>5.2 organisation info and 5.5 registration / version update against the provincial platform.</summary>
public sealed class PlatformHandler(
    StreamCommands commands,
    MeterQueries meters,
    PlatformClient platform,
    IOptions<PlatformOptions> options,
    TimeProvider clock)
{
    public const int OperationOrganisation = 1;
    public const int OperationVersion = 2;

    /// <summary>Validates and stores 5.2; once registered, the configuration is also sent to the platform (result in 5.8).</summary>
    public async Task SetOrganisationAsync(JsonObject body, Actor actor, CancellationToken ct)
    {
        var (items, document) = OrganisationInput.Validate(body);
        for (var i = 0; i < items.Count; i++)
        {
            var meter = await meters.FindAsync(items[i].MeterId, ct);
            if (meter is null || meter.DeletedAt is not null)
            {
                throw ContractError.DataError($"collectItemConfig[{i}].Meter_id: no meter with id {items[i].MeterId}");
            }
        }

        var state = await commands.HandleAsync(
            PlatformState.StreamId, PlatformState.Empty, PlatformState.Evolve,
            _ => [new OrganisationInfoSet(items, document.ToJsonString(), clock.GetUtcNow())],
            actor, ct: ct);

        if (state.Registration is { } registration)
        {
            var payload = document.DeepClone().AsObject();
            payload["deviceId"] = registration.DeviceId;
            payload["enterpriseCode"] = registration.EnterpriseCode;
            var reply = await platform.PostAsync(Url(registration, "config", options.Value.ConfigPath), payload, ct);
            await RecordAsync(OperationOrganisation, reply, actor, ct);
        }
    }

    /// <summary>5.5: registers (<c>enterpriseCode</c>, <c>region</c>) and refreshes the dictionaries; a refusal is recorded and answered 4004.</summary>
    public async Task UpdateVersionAsync(string enterpriseCode, string region, Actor actor, CancellationToken ct)
    {
        var o = options.Value;
        var reply = await platform.PostAsync(o.RegisterPath, new JsonObject { ["enterpriseCode"] = enterpriseCode, ["region"] = region }, ct);
        var json = reply.Json();
        var data = json?["data"] as JsonObject ?? json;
        var deviceId = data?["deviceId"]?.ToString();
        if (!reply.Succeeded || string.IsNullOrEmpty(deviceId))
        {
            await RecordAsync(OperationVersion, reply with { Succeeded = false }, actor, ct);
            throw ContractError.DataError($"the platform did not register enterpriseCode {enterpriseCode} in region {region}: {Shorten(reply.Body)}");
        }

        var urls = (data!["urls"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") ?? [];
        var registered = new PlatformRegistered(
            enterpriseCode, region, deviceId, data["secretKey"]?.ToString() ?? "",
            data["regVersion"]?.ToString() ?? "", data["dicVersion"]?.ToString() ?? "", urls, clock.GetUtcNow());

        var events = new List<object> { registered };
        var dictionary = await platform.GetAsync(Url(registered, "dictionary", o.DictionaryPath), ct);
        if (dictionary.Succeeded && dictionary.Json() is { } dic && dic["collectItem"] is JsonArray)
        {
            events.Add(new PlatformDictionaryRefreshed(dic["dicVersion"]?.ToString() ?? registered.DicVersion, dic.ToJsonString(), clock.GetUtcNow()));
        }

        // The answer carries the secret key: 5.8 keeps the outcome, never the key.
        events.Add(new PlatformOperationRecorded(OperationVersion, true, reply.Url,
            $"{{\"deviceId\":\"{deviceId}\",\"regVersion\":\"{registered.RegVersion}\",\"dicVersion\":\"{registered.DicVersion}\"}}", clock.GetUtcNow()));
        await commands.AppendAsync(PlatformState.StreamId, ExpectedVersion.Any, events, actor, ct: ct);
    }

    /// <summary>A service URL the registration gave, else the configured path under the base URL.</summary>
    public static string Url(PlatformRegistered registration, string name, string fallback) =>
        registration.ServiceUrls.TryGetValue(name, out var url) && url.Length > 0 ? url : fallback;

    private Task RecordAsync(int type, PlatformReply reply, Actor actor, CancellationToken ct) =>
        commands.AppendAsync(PlatformState.StreamId, ExpectedVersion.Any,
            [new PlatformOperationRecorded(type, reply.Succeeded, reply.Url, reply.Body, clock.GetUtcNow())], actor, ct: ct);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
