using System.Globalization;

namespace Energy.Application.Common;

/// <summary>
/// Lists inside one parameter (CONTRACT §1 Lists): comma separated, where the ASCII <c>,</c> and the
/// full-width <c>，</c> (what a Chinese input method types) both split; parts are trimmed and empty
/// parts dropped, so "1, 2，，3," is [1, 2, 3].
/// </summary>
public static class ParameterList
{
    private static readonly char[] Separators = [',', '，'];

    /// <summary>The parts of <paramref name="text"/>; empty for null or blank.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The parts as integers; a part that is not one → 4103 naming <paramref name="field"/>.</summary>
    public static IReadOnlyList<int> SplitInts(string? text, string field)
    {
        var parts = Split(text);
        var result = new List<int>(parts.Count);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw ContractError.BadParameter(field, $"must be a comma separated list of integers, '{part}' is not one");
            }

            result.Add(value);
        }

        return result;
    }
}
