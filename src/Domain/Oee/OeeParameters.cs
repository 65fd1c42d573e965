using Energy.Domain.Readings;

namespace Energy.Domain.Oee;

/// <summary>The meter parameters an OEE rule may judge: the contract's parameter names (CONTRACT §5), as alarm rules.</summary>
public static class OeeParameters
{
    public static IReadOnlyList<string> All => ReadingParameters.Names;

    public static bool IsKnown(string parameter) => ReadingParameters.IsParameter(parameter);
}
