namespace Energy.Domain.Platform;

/// <summary>5.2: the organisation's description as a whole (the body as given, in <paramref name="Document"/>) and its collect items.</summary>
public sealed record OrganisationInfoSet(IReadOnlyList<CollectItem> Items, string Document, DateTimeOffset At) : IEvent;

/// <summary>5.5: the platform's registration answer. The secret key encrypts uploads (SM4) and never leaves the service.</summary>
public sealed record PlatformRegistered(
    string EnterpriseCode,
    string Region,
    string DeviceId,
    [property: Secret] string SecretKey,
    string RegVersion,
    string DicVersion,
    IReadOnlyDictionary<string, string> ServiceUrls,
    DateTimeOffset At) : IEvent;

/// <summary>5.1's dictionaries as the platform gave them on a version update (JSON of collectSystemType, collectItemUsage, collectItem).</summary>
public sealed record PlatformDictionaryRefreshed(string DicVersion, string Document, DateTimeOffset At) : IEvent;

/// <summary>5.8: an operation against the platform (1 organisation info upload, 2 version update) and its answer.</summary>
public sealed record PlatformOperationRecorded(int OperationType, bool Succeeded, string TargetUrl, string ResponseData, DateTimeOffset At) : IEvent;

/// <summary>One value an upload carried: which item, day (1) or month (2), and which natural day or month.</summary>
public sealed record UploadedValue(string ItemKey, int StatType, string StatDate);

/// <summary>5.7: one attempt to upload data, what was sent and what the platform answered (or why there was no answer).</summary>
public sealed record PlatformUploadAttempted(
    string TargetUrl,
    string OriginalData,
    string ResponseData,
    bool Succeeded,
    IReadOnlyList<UploadedValue> Values,
    DateTimeOffset At) : IEvent;
