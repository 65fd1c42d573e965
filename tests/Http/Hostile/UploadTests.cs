using System.Net.Http.Headers;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;

namespace Energy.Http.Tests.Hostile;

/// <summary>Issue 17: a 2.9 upload that is not a readable multipart body is a 4103, not a 500, and attaches nothing.</summary>
public sealed class UploadTests(CatalogHost host) : IClassFixture<CatalogHost>
{
    private async Task<Answer> UploadRawAsync(string contentType, string body)
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("上传-" + Guid.NewGuid().ToString("N")[..8]);
        var before = await Hostility.EventCountAsync(host.ConnectionString);
        using var content = new StringContent(body.Replace("{id}", machine.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var answer = await Answer.Of(await client.PostAsync(new Uri("/api_3/metersuperior_image", UriKind.Relative), content));

        (await Hostility.EventCountAsync(host.ConnectionString)).ShouldBe(before, "a refused upload appends nothing");
        return answer;
    }

    [Fact]
    public async Task A_multipart_body_without_a_boundary_is_400()
    {
        var answer = await UploadRawAsync("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"Meter_Superior_id\"\r\n\r\n{id}\r\n--x--\r\n");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("boundary");
    }

    [Fact]
    public async Task A_multipart_body_cut_off_before_its_closing_boundary_is_400()
    {
        var answer = await UploadRawAsync("multipart/form-data; boundary=abc",
            "--abc\r\nContent-Disposition: form-data; name=\"Meter_Superior_id\"\r\n\r\n{id}\r\n--abc\r\nContent-Disposition: form-data; name=\"Machine_Image\"; filename=\"a.png\"\r\n\r\n\x89PNG");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe("4103");
        answer.ErrMsg.ShouldContain("multipart");
    }

    [Fact]
    public async Task A_multipart_body_whose_boundary_never_appears_is_400()
    {
        var answer = await UploadRawAsync("multipart/form-data; boundary=abc", "no parts here at all");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrNo.ShouldBe("4103");
    }
}
