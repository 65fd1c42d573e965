namespace Energy.Domain.Readings;

/// <summary>
/// Which 附1 field carries which contract parameter (CONTRACT §5): the names 2.3 <c>Meter_Parameter</c>
/// and 3.3 <c>Measure_Name</c> use.
/// </summary>
public static class ReadingParameters
{
    /// <summary>The cumulative electricity counter (kWh) the energy projection differentiates.</summary>
    public const string Energy = "EP";

    /// <summary>附1 field → parameter name, in the order of 附1.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FieldToParameter { get; } =
    [
        new("axdy", "UA"), new("bxdy", "UB"), new("cxdy", "UC"),
        new("axdl", "IA"), new("bxdl", "IB"), new("cxdl", "IC"), new("sydl", "IR"),
        new("zyggl", "P"), new("axyggl", "PA"), new("bxyggl", "PB"), new("cxyggl", "PC"),
        new("zwggl", "Q"), new("axwggl", "QA"), new("bxwggl", "QB"), new("cxwggl", "QC"),
        new("zglys", "PF"), new("axglys", "PFA"), new("bxglys", "PFB"), new("cxglys", "PFC"),
        new("zxygzdl", "EP"), new("zxygzdl1", "EP1"), new("zxygzdl2", "EP2"), new("zxygzdl3", "EP3"), new("zxygzdl4", "EP4"),
        new("axwd", "TA"), new("bxwd", "TB"), new("cxwd", "TC"), new("lxwd", "TN"), new("hjwd", "TE"),
    ];

    private static readonly Dictionary<string, string> ByField = FieldToParameter.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The contract's parameter names (UA … TE), the only ones a rule may judge.</summary>
    public static IReadOnlyList<string> Names { get; } = FieldToParameter.Select(p => p.Value).ToArray();

    private static readonly HashSet<string> KnownNames = new(Names, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a contract parameter name (2.3 <c>Meter_Parameter</c>, CONTRACT §5).</summary>
    public static bool IsParameter(string name) => KnownNames.Contains(name);

    /// <summary>True for the 附1 fields typed <c>number</c> (all the mapped ones).</summary>
    public static bool IsNumericField(string field) => ByField.ContainsKey(field);

    /// <summary>
    /// True for the cumulative energy counters (EP, EP1–EP4): a counter counts up from zero, so a negative one is
    /// no reading at all (a drop between two readings is a reset, CONTRACT §6).
    /// </summary>
    public static bool IsCounterField(string field) => ParameterOf(field) is { } p && p.StartsWith(Energy, StringComparison.Ordinal);

    /// <summary>The parameter a 附1 field maps to, or null for fields that are not parameters (sjsj, sjzt, …).</summary>
    public static string? ParameterOf(string field) => ByField.GetValueOrDefault(field);
}
