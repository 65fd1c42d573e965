namespace Energy.Domain.Readings;

/// <summary>
/// What a device number (the vendor's <c>meter</c>, a meter's <c>Meter_Code</c>, CONTRACT §4/§5) may be: the one
/// rule for the push webhook, meter create/update and the vendor task and archive calls. A device number becomes
/// part of stream ids (<c>readings-&lt;device&gt;-&lt;day&gt;</c>), keys of the vendor inbox and paths of the vendor's
/// API, so it is kept to letters, digits, <c>-</c>, <c>_</c> and <c>.</c>: no separators, quotes, spaces or control
/// characters, whatever a later reader does with it.
/// </summary>
public static class DeviceNumber
{
    public const int MaxLength = 128;

    /// <summary>The words for a refusal: "must be …, got "x"".</summary>
    public static string Expectation(string? given) =>
        $"must be a device number of letters, digits, '-', '_' and '.' (1–{MaxLength} characters), got \"{given}\"";

    public static bool IsValid(string? text) =>
        text is { Length: > 0 and <= MaxLength }
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && text.Any(char.IsAsciiLetterOrDigit);
}
