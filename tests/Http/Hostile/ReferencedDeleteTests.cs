using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using static Energy.Http.Tests.Production.ProductionCalls;

namespace Energy.Http.Tests.Hostile;

/// <summary>Issue 17: a product or batch that live output records name cannot be deleted (4004); removing them frees it.</summary>
public sealed class ReferencedDeleteTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private static readonly DateTime Day = new(2025, 3, 3, 8, 0, 0);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_product_and_a_batch_named_by_a_live_output_are_refused_with_4004_until_it_is_removed()
    {
        var client = await fixture.Host.AdminClientAsync();
        var machine = await client.CreateMachineAsync(Unique("引用-"));
        var product = await client.PostProduct(Unique("引用-产品")).CreatedId();
        var batch = await client.PostBatch(Unique("引用-批次"), Day, Day.AddHours(8)).CreatedId();
        var output = await client.PostJson("/api_3/product_output", OutputJson(product, "12", machine, Day, Day.AddHours(1), batch)).CreatedId();
        var before = await Hostility.EventCountAsync(fixture.Host.Database);

        var productRefused = await client.DeleteJson("/api_3/products", $$"""{"id":{{product}}}""");
        var batchRefused = await client.Delete($"/api_3/productsBatch?id={batch}");

        (productRefused.Status, productRefused.ErrNo).ShouldBe((HttpStatusCode.UnprocessableEntity, "4004"));
        productRefused.ErrMsg.ShouldContain("output");
        (batchRefused.Status, batchRefused.ErrNo).ShouldBe((HttpStatusCode.UnprocessableEntity, "4004"));
        (await Hostility.EventCountAsync(fixture.Host.Database)).ShouldBe(before);
        (await client.GetAnswer($"/api_3/product_output?Production_Batch=")).ErrNo.ShouldBe("0");

        (await client.Delete($"/api_3/product_output?id={output}")).ErrNo.ShouldBe("0");
        (await client.DeleteJson("/api_3/products", $$"""{"id":{{product}}}""")).ErrNo.ShouldBe("0");
        (await client.Delete($"/api_3/productsBatch?id={batch}")).ErrNo.ShouldBe("0");
    }
}
