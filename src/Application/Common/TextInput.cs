namespace Energy.Application.Common;

/// <summary>
/// What any text a client sends must be, whichever field carries it: valid Unicode (no invalid or overlong UTF-8,
/// no lone surrogate escape such as <c>\ud800</c>) and free of NUL, which PostgreSQL cannot store in text or jsonb
/// (it would fail the append with a 500). The edge checks every JSON string, query value and path with these words.
/// </summary>
public static class TextInput
{
    public const string NulRefusal = "must not contain a NUL character (\\u0000 or %00)";

    public const string InvalidUnicode = "must be valid UTF-8 text (no overlong or broken byte sequence, no lone surrogate such as \\ud800)";

    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary><paramref name="text"/> itself, or a 4103 naming <paramref name="field"/> when it holds a NUL.</summary>
    public static string Checked(string text, string field) =>
        HasNul(text) ? throw ContractError.BadParameter(field, NulRefusal) : text;
}
