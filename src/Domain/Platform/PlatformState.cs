namespace Energy.Domain.Platform;

/// <summary>The platform link as folded from <c>platform-organisation</c>.</summary>
public sealed record PlatformState(
    IReadOnlyList<CollectItem> Items,
    string? Document,
    DateTimeOffset? ConfiguredAt,
    PlatformRegistered? Registration,
    PlatformDictionaryRefreshed? Dictionary,
    IReadOnlyDictionary<int, PlatformOperationRecorded> LastOperations)
{
    public const string StreamId = "platform-organisation";

    public static readonly PlatformState Empty = new([], null, null, null, null, new Dictionary<int, PlatformOperationRecorded>());

    public static PlatformState Evolve(PlatformState state, object @event) => @event switch
    {
        OrganisationInfoSet e => state with { Items = e.Items, Document = e.Document, ConfiguredAt = state.ConfiguredAt ?? e.At },
        PlatformRegistered e => state with { Registration = e },
        PlatformDictionaryRefreshed e => state with { Dictionary = e },
        PlatformOperationRecorded e => state with
        {
            LastOperations = new Dictionary<int, PlatformOperationRecorded>(state.LastOperations) { [e.OperationType] = e },
        },
        _ => state,
    };
}

/// <summary>The last natural day or month uploaded per item and stat type, folded from <c>platform-uploads</c>.</summary>
public sealed record UploadLedger(IReadOnlyDictionary<(string ItemKey, int StatType), string> Last)
{
    public const string StreamId = "platform-uploads";

    public static readonly UploadLedger Empty = new(new Dictionary<(string, int), string>());

    public static UploadLedger Evolve(UploadLedger state, object @event)
    {
        if (@event is not PlatformUploadAttempted { Succeeded: true } e)
        {
            return state;
        }

        var last = new Dictionary<(string, int), string>(state.Last);
        foreach (var v in e.Values)
        {
            // Labels are "yyyy-MM-dd" / "yyyy-MM": ordinal order is time order.
            if (!last.TryGetValue((v.ItemKey, v.StatType), out var was) || string.CompareOrdinal(v.StatDate, was) > 0)
            {
                last[(v.ItemKey, v.StatType)] = v.StatDate;
            }
        }

        return new UploadLedger(last);
    }
}
