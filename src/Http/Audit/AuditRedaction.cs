using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Energy.Domain;
using Energy.Application.EventStore;

namespace Energy.Http.Audit;

/// <summary>
/// Event data as auditors may see it: every property marked <see cref="SecretAttribute"/> (at any depth of
/// the event's records) is removed, so password and token hashes never leave the service.
/// </summary>
public static class AuditRedaction
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static JsonNode? Redact(object data)
    {
        if (data is UnknownEvent unknown)
        {
            return JsonNode.Parse(unknown.Data.GetRawText());
        }

        var node = JsonSerializer.SerializeToNode(data, data.GetType(), EventSerializer.Options);
        Strip(node, data.GetType());
        return node;
    }

    private static void Strip(JsonNode? node, Type type)
    {
        if (node is not JsonObject json)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            if (property.IsDefined(typeof(SecretAttribute)))
            {
                json.Remove(name);
            }
            else if (property.PropertyType is { IsClass: true } nested && nested != typeof(string) && json[name] is JsonObject)
            {
                Strip(json[name], nested);
            }
        }
    }
}
