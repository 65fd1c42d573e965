using Energy.Domain.Readings;

namespace Energy.Domain.Oee;

/// <summary>The meter parameters a rule may judge: the contract's parameter names (CONTRACT §5).</summary>
public static class OeeParameters
{
    public static IReadOnlyList<string> All { get; } = ReadingParameters.FieldToParameter.Select(p => p.Value).ToArray();

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string parameter) => Known.Contains(parameter);
}
