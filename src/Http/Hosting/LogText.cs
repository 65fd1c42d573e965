using System.Globalization;
using System.Text;

namespace Energy.Http.Hosting;

/// <summary>
/// Makes a log message one line of visible text (issue 17): CR, LF and NUL become <c>\r</c>, <c>\n</c> and <c>\0</c>,
/// other control characters and Unicode line breaks <c>\uXXXX</c>, so a value a client sent (a path, a query value
/// quoted in an error message, a device number) can neither forge a log entry nor cut one short.
/// </summary>
public static class LogText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\0' => escaped.Append("\\0"),
                _ when NeedsEscape(c) => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029';
}
