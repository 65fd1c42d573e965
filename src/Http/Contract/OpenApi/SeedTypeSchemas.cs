using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Energy.Http.Contract.OpenApi;

/// <summary>The schema of each <see cref="SeedType"/>: what <see cref="Query"/> accepts for it.</summary>
public static class SeedTypeSchemas
{
    /// <summary>Lists are one comma separated value (<c>Amount_Value=0,1</c>): form style, not exploded.</summary>
    public static bool IsList(SeedType type) => type is SeedType.List or SeedType.IntList;

    public static OpenApiSchema For(SeedType type) => type switch
    {
        SeedType.Id => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
        SeedType.Int => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        SeedType.Number => new OpenApiSchema { Type = JsonSchemaType.Number },
        SeedType.String => new OpenApiSchema { Type = JsonSchemaType.String },
        SeedType.Flag => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("0"), JsonValue.Create("1")] },
        SeedType.Time => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "plant wall-clock time YYYY-MM-DD HH:mm:ss (Energy:TimeZone), or ISO-8601 with T and an offset",
            Examples = [JsonValue.Create("2019-04-01 00:00:00")],
        },
        SeedType.List => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "comma separated; the full-width ， separates too",
        },
        SeedType.IntList => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            Description = "comma separated; the full-width ， separates too",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "an unknown seed type"),
    };
}
