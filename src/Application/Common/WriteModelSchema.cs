using Energy.Application.EventStore;

namespace Energy.Application.Common;

/// <summary>The write side's own tables (name reservations).</summary>
public sealed class WriteModelSchema : ISchemaContributor
{
    public int Order => 10;

    public string Sql { get; } = ReadSql();

    private static string ReadSql()
    {
        using var stream = typeof(WriteModelSchema).Assembly.GetManifestResourceStream("Energy.Application.Common.WriteModelSchema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
