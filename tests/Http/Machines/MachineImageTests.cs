using System.Net.Http.Headers;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Machines;

public sealed class MachineImageTests : IClassFixture<CatalogHost>
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly CatalogHost host;

    public MachineImageTests(CatalogHost host) => this.host = host;

    private static async Task<Answer> UploadAsync(HttpClient client, string machineId, byte[] content, string fileName, string contentType = "image/png")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(machineId), "Meter_Superior_id");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Machine_Image", fileName);
        return await Answer.Of(await client.PostAsync(new Uri("/api_3/metersuperior_image", UriKind.Relative), form));
    }

    [Fact]
    public async Task A_real_png_is_accepted_recorded_and_downloadable_at_its_url_with_its_content_type()
    {
        var client = await host.AdminClientAsync();
        var id = await client.CreateMachineAsync("图片-压机");

        var uploaded = await UploadAsync(client, id.ToString(), Png, "photo.jpg", "application/octet-stream");
        uploaded.ErrNo.ShouldBe("0", uploaded.Body);
        var url = uploaded.Rows().Single().Text("Machine_Image_Url");
        url.ShouldEndWith(".png");

        var listed = (await client.GetAnswer($"/api_3/metersuperiors?id={id}")).Rows().Single();
        listed.Text("Machine_Image_Url").ShouldBe(url);
        using var download = await client.GetAsync(new Uri(url, UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        // What is stored and served is the image's pixels encoded again (issue 17), named by their hash.
        var stored = await download.Content.ReadAsByteArrayAsync();
        ImageFormatOf(stored).ShouldBe("png");

        var attached = (await host.Store.ReadStreamAsync($"machine-{id}"))[^1];
        attached.Type.ShouldBe("MachineImageAttached");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored));
        url.ShouldContain(hash);
        File.Exists(Path.Combine(host.ImageDirectory, hash + ".png")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_that_claims_to_be_a_png_but_is_not_one_is_refused()
    {
        var client = await host.AdminClientAsync();
        var id = await client.CreateMachineAsync("图片-假图");

        var refused = await UploadAsync(client, id.ToString(), "<html>not an image</html>"u8.ToArray(), "photo.png");
        refused.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("Machine_Image"));
        (await host.StreamTypesAsync($"machine-{id}")).ShouldBe(["MachineRegistered"]);
    }

    [Fact]
    public async Task A_six_mebibyte_image_is_refused()
    {
        var client = await host.AdminClientAsync();
        var id = await client.CreateMachineAsync("图片-大图");
        var big = new byte[6 * 1024 * 1024];
        Png.CopyTo(big, 0);

        var refused = await UploadAsync(client, id.ToString(), big, "big.png");
        refused.ShouldSatisfyAllConditions(a => a.ErrNo.ShouldBe("4103"), a => a.ErrMsg.ShouldContain("5 MiB"));
        (await host.StreamTypesAsync($"machine-{id}")).ShouldBe(["MachineRegistered"]);
    }

    [Fact]
    public async Task An_image_for_an_unknown_machine_or_without_a_file_is_refused()
    {
        var client = await host.AdminClientAsync();
        (await UploadAsync(client, "999999", Png, "a.png")).ErrNo.ShouldBe("4002");
        (await UploadAsync(client, "abc", Png, "a.png")).ErrMsg.ShouldContain("Meter_Superior_id");
        using var form = new MultipartFormDataContent { { new StringContent("1"), "Meter_Superior_id" } };
        (await Answer.Of(await client.PostAsync(new Uri("/api_3/metersuperior_image", UriKind.Relative), form))).ErrMsg.ShouldContain("Machine_Image");
        (await client.GetAnswer("/api_3/machine_images/..%2F..%2Fetc%2Fpasswd")).ErrNo.ShouldBe("4002");
    }

    private static string? ImageFormatOf(byte[] bytes) => Energy.Application.Machines.ImageFormat.Sniff(bytes)?.Extension;
}
