using System.Net.Http.Headers;
using System.Text;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using SkiaSharp;

namespace Energy.Http.Tests.Hostile;

/// <summary>
/// Issue 17: an upload that starts like an image but carries HTML or PHP is stored as its decoded pixels only, served
/// with <c>X-Content-Type-Options: nosniff</c>; bytes that are no whole image are refused (4103) and attach nothing.
/// </summary>
public sealed class PolyglotImageTests(CatalogHost host) : IClassFixture<CatalogHost>
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?><html><script>alert(1)</script></html>");

    /// <summary>A real 4×4 image in <paramref name="format"/>, drawn here.</summary>
    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(4, 4);
        bitmap.Erase(SKColors.OrangeRed);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private int StoredFiles() => Directory.Exists(host.ImageDirectory) ? Directory.GetFiles(host.ImageDirectory).Length : 0;

    private async Task<(HttpClient Client, long Machine, Answer Answer)> UploadAsync(byte[] content)
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("多语-" + Guid.NewGuid().ToString("N")[..8]);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(machine.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Meter_Superior_id");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "Machine_Image", "shell.php.png");
        return (client, machine, await Answer.Of(await client.PostAsync(new Uri("/api_3/metersuperior_image", UriKind.Relative), form)));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task An_image_followed_by_html_and_php_is_served_as_its_pixels_only_and_never_sniffed(SKEncodedImageFormat format, string contentType)
    {
        var (client, _, answer) = await UploadAsync([.. Image(format), .. Payload]);

        answer.ErrNo.ShouldBe("0", answer.Body);
        using var served = await client.GetAsync(new Uri(answer.Rows().Single().Text("Machine_Image_Url"), UriKind.Relative));
        var bytes = await served.Content.ReadAsByteArrayAsync();
        served.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        Encoding.ASCII.GetString(bytes).ShouldNotContain("<?php");
        Encoding.ASCII.GetString(bytes).ShouldNotContain("<script>");
        using var decoded = SKBitmap.Decode(bytes);
        (decoded.Width, decoded.Height).ShouldBe((4, 4));
    }

    [Fact]
    public async Task Png_magic_followed_by_html_only_is_refused_and_attaches_nothing()
    {
        byte[] magicOnly = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Payload];
        var files = StoredFiles();

        var (_, machine, answer) = await UploadAsync(magicOnly);

        answer.ShouldBeBadParameter("Machine_Image");
        (await host.StreamTypesAsync($"machine-{machine}")).ShouldBe(["MachineRegistered"], "nothing was attached");
        StoredFiles().ShouldBe(files, "no file was written");
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var jpeg = Image(SKEncodedImageFormat.Jpeg);

        var (_, _, answer) = await UploadAsync(jpeg[..(jpeg.Length / 2)]);

        answer.ShouldBeBadParameter("Machine_Image");
    }
}
