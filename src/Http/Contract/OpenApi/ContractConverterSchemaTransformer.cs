using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Gives a type to the values the contract's own converters read and write (<see cref="ContractJson"/>): the schema
/// exporter cannot look inside a custom converter and leaves such values untyped. Written as the service writes them:
/// strings as strings, int/long as integers, decimals as numbers, flags as "0"/"1". Inputs also accept a number for a
/// string and a numeric string for a number (CONTRACT §1 Types), which the document's description says once.
/// </summary>
public sealed class ContractConverterSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is not null)
        {
            return Task.CompletedTask;
        }

        var declared = context.JsonPropertyInfo?.PropertyType ?? context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(declared);
        var type = underlying ?? declared;
        var nullable = underlying is not null
            || (context.JsonPropertyInfo is { } property && !type.IsValueType && (property.IsGetNullable || property.IsSetNullable));

        if (IsFlag(context.JsonPropertyInfo))
        {
            schema.Type = JsonSchemaType.String;
            // An optional flag may be sent as null: the enum must list it, or validators refuse what the service takes.
            schema.Enum = nullable ? [JsonValue.Create("0"), JsonValue.Create("1"), null!] : [JsonValue.Create("0"), JsonValue.Create("1")];
        }
        else if (type == typeof(string))
        {
            schema.Type = JsonSchemaType.String;
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Format = type == typeof(int) ? "int32" : "int64";
        }
        else if (type == typeof(decimal))
        {
            schema.Type = JsonSchemaType.Number;
        }
        else
        {
            return Task.CompletedTask;
        }

        if (nullable)
        {
            schema.Type |= JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    // Read off the attribute: on a bool? property the serializer wraps the converter, so CustomConverter is not it.
    private static bool IsFlag(JsonPropertyInfo? property) =>
        property?.AttributeProvider?.GetCustomAttributes(typeof(JsonConverterAttribute), inherit: false)
            .OfType<JsonConverterAttribute>().Any(a => a.ConverterType == typeof(FlagConverter)) == true;
}
