namespace Energy.Application.Machines;

/// <summary>An image format the service accepts for machines (CONTRACT §4, 2.9), recognized by its magic bytes.</summary>
public sealed record ImageFormat(string Extension, string ContentType)
{
    public static readonly ImageFormat Png = new("png", "image/png");
    public static readonly ImageFormat Jpeg = new("jpg", "image/jpeg");
    public static readonly ImageFormat WebP = new("webp", "image/webp");

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format the content is, judged by its first bytes only (never by a file name); null when none.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature))
        {
            return Png;
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg;
        }

        // RIFF <size:4> WEBP
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return null;
    }

    public static ImageFormat? FromExtension(string extension) => extension switch
    {
        "png" => Png,
        "jpg" => Jpeg,
        "webp" => WebP,
        _ => null,
    };
}
