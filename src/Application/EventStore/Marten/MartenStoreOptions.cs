using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Energy.Application.EventStore;

/// <summary>
/// Marten as the system of record: the events live in Marten's <c>mt_events</c> and <c>mt_streams</c>, appended
/// through its Quick append function, with every metadata column on.
/// </summary>
public static class MartenStoreOptions
{
    /// <summary>The schema Marten's tables live in; the read models share it.</summary>
    public const string Schema = "public";

    /// <summary>The store's own index on <c>mt_events</c> (EventStoreSchema.sql); Weasel would drop it at every start otherwise.</summary>
    public const string TimestampIndex = "mt_events_timestamp_brin";

    public static StoreOptions For(NpgsqlDataSource dataSource, EventTypeRegistry registry)
    {
        var options = new StoreOptions();
        options.Connection(dataSource);
        options.DatabaseSchemaName = Schema;

        // Created (or brought up to date) by SchemaMigrator at start-up, under its lock, before any append.
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        // The same JSON as EventSerializer reads back: decimals keep every digit, enums are names, property names as declared.
        options.UseSystemTextJsonForSerialization(new JsonSerializerOptions(EventSerializer.Options), EnumStorage.AsString, Casing.Default);

        // Streams are named in the domain's words (meter-…, device-…); Quick append lets PostgreSQL number the events.
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.IgnoreIndex(TimestampIndex);

        // mt_events.type holds the registry's stable names, so a moved or renamed record never orphans stored events.
        foreach (var name in registry.Names)
        {
            options.Events.MapEventType(registry.TypeOf(name)!, name);
        }

        return options;
    }
}
