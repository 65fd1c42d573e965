using SkiaSharp;

namespace Energy.Application.Machines;

/// <summary>
/// Decodes an upload for real and encodes its pixels again (issue 17), so what is stored and served is an image and
/// nothing else: a polyglot (PNG/JPEG/WebP magic followed by HTML or PHP, or script in a metadata chunk) keeps only its
/// pixels, and bytes that merely start like an image, or are cut short, are refused. Skia (SkiaSharp, MIT) decodes.
/// </summary>
internal static class ImageContent
{
    /// <summary>Decoding allocates 4 bytes a pixel: a 5 MiB file can claim far more than the service should hold.</summary>
    public const long MaxPixels = 25_000_000;

    private const int JpegQuality = 90;

    /// <summary>The re-encoded image in the sniffed <paramref name="format"/>, or null when the bytes are not a whole image of it.</summary>
    public static byte[]? Clean(byte[] bytes, ImageFormat format)
    {
        var encoded = format == ImageFormat.Png ? SKEncodedImageFormat.Png
            : format == ImageFormat.Jpeg ? SKEncodedImageFormat.Jpeg
            : SKEncodedImageFormat.Webp;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != encoded)
        {
            return null;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            return null;
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            return null; // IncompleteInput and friends: a truncated or broken image
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var output = image.Encode(encoded, JpegQuality);
        return output?.ToArray();
    }
}
