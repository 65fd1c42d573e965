using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using static Energy.Http.Tests.Production.ProductionCalls;

namespace Energy.Http.Tests.Production;

/// <summary>Seed 8.1–8.8 and 8.10–8.13: every field, filter and page; refusals append nothing.</summary>
public sealed class ProductionCatalogTests(CatalogHost host) : IClassFixture<CatalogHost>
{
    private static readonly DateTime Day = new(2025, 3, 3, 8, 0, 0);

    [Fact]
    public async Task Products_batches_and_outputs_are_created_listed_filtered_paged_changed_and_deleted_under_the_seed_names()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("产量-机器");
        var bolt = await client.PostProduct("产量-螺栓").CreatedId();
        var nut = await client.PostProduct("产量-螺母").CreatedId();
        var batch = await client.PostBatch("产量-批次1", Day, Day.AddHours(8)).CreatedId();
        var other = await client.PostBatch("产量-批次2", Day, Day.AddHours(8)).CreatedId();

        var products = await client.GetAnswer("/api_3/products?Per_Page_Counts=1000");
        var row = products.Rows().Single(r => r.GetProperty("id").GetInt64() == bolt);
        (row.Text("Product_Name"), row.Text("Product_Unit"), row.Text("Remarks")).ShouldBe(("产量-螺栓", "件", "r"));
        var batches = (await client.GetAnswer("/api_3/productsBatch?Per_Page_Counts=1000")).Rows().Single(r => r.GetProperty("id").GetInt64() == batch);
        (batches.Text("Production_Batch"), batches.Text("Time_Start"), batches.Text("Time_End")).ShouldBe(("产量-批次1", "2025-03-03 08:00:00", "2025-03-03 16:00:00"));

        var first = await client.PostJson("/api_3/product_output", OutputJson(bolt, "\"12\"", machine, Day, Day.AddHours(1), batch)).CreatedId();
        await client.PostJson("/api_3/product_output", OutputJson(nut, "5", machine, Day, Day.AddHours(1), batch)).CreatedId();
        var third = await client.PostJson("/api_3/product_output", OutputJson(bolt, "7", machine, Day, Day.AddHours(1), other)).CreatedId();
        var listed = (await client.GetAnswer("/api_3/product_output?Production_Batch=产量-批次1&Product_Name=产量-螺栓")).Rows().Single();
        listed.GetProperty("id").GetInt64().ShouldBe(first);
        listed.GetProperty("Product_id").GetInt64().ShouldBe(bolt);
        listed.GetProperty("Total_Amount").GetDecimal().ShouldBe(12m);
        listed.GetProperty("Meter_Superior_id").GetInt64().ShouldBe(machine);
        listed.Text("Time_Start").ShouldBe("2025-03-03 08:00:00");
        listed.Text("Time_End").ShouldBe("2025-03-03 09:00:00");
        listed.Text("Create_Time").Length.ShouldBe(19);
        listed.GetProperty("ProductBatch_id").GetString().ShouldBe(batch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await client.GetAnswer("/api_3/product_output?Production_Batch=产量-批次1")).Total().ShouldBe(2);
        var page = await client.GetAnswer("/api_3/product_output?Product_Name=产量-螺栓&Per_Page_Counts=1&Page_Counts=2");
        (page.Total(), page.Rows().Length).ShouldBe((2L, 1));

        (await client.PutJson("/api_3/products", $$"""{"id":{{nut}},"Product_Name":"产量-螺母2"}""")).ErrNo.ShouldBe("0");
        (await client.PutJson("/api_3/productsBatch", $$"""{"id":{{other}},"Production_Batch":"产量-批次3","Time_Start":"2025-03-03 08:00:00","Time_End":"2025-03-03 09:00:00"}""")).ErrNo.ShouldBe("0");
        (await client.PutJson("/api_3/product_output", OutputJson(bolt, "13", machine, Day, Day.AddHours(2), batch, first))).ErrNo.ShouldBe("0");
        (await client.GetAnswer("/api_3/product_output?Production_Batch=产量-批次3")).Total().ShouldBe(1);
        (await client.Delete($"/api_3/product_output?id={first}")).ErrNo.ShouldBe("0");
        (await client.GetAnswer("/api_3/product_output?Production_Batch=产量-批次1")).Total().ShouldBe(1);
        // A product or batch that live outputs still name cannot be deleted (issue 17); once they are removed it can.
        (await client.DeleteJson("/api_3/products", $$"""{"id":{{bolt}}}""")).ErrNo.ShouldBe("4004");
        (await client.Delete($"/api_3/product_output?id={third}")).ErrNo.ShouldBe("0");
        (await client.DeleteJson("/api_3/products", $$"""{"id":{{bolt}}}""")).ErrNo.ShouldBe("0");
        (await client.Delete($"/api_3/productsBatch?id={other}")).ErrNo.ShouldBe("0");
        (await host.StreamTypesAsync($"output-{first}")).ShouldBe(["OutputRecorded", "OutputCorrected", "OutputRemoved"]);
        // A deleted product's name is free again.
        await client.PostProduct("产量-螺栓").CreatedId();
    }

    [Fact]
    public async Task Bad_production_requests_get_their_code_name_the_field_and_append_nothing()
    {
        var client = await host.AdminClientAsync();
        var machine = await client.CreateMachineAsync("坏产量-机器");
        var product = await client.PostProduct("坏产量-产品").CreatedId();
        var batch = await client.PostBatch("坏产量-批次", Day, Day.AddHours(1)).CreatedId();
        var before = await OutputEventsAsync();

        async Task Refused(string json, string errNo, string field)
        {
            var answer = await client.PostJson("/api_3/product_output", json);
            answer.ErrNo.ShouldBe(errNo, answer.Body);
            answer.ErrMsg.ShouldContain(field);
        }

        await Refused(OutputJson(product, "-1", machine, Day, Day.AddHours(1), batch), "4103", "Total_Amount");
        await Refused(OutputJson(product, "1", machine, Day.AddHours(1), Day, batch), "4103", "Time_End");
        await Refused(OutputJson(product, "1", machine, Day, Day, batch), "4103", "Time_End");
        await Refused(OutputJson(999_999, "1", machine, Day, Day.AddHours(1), batch), "4004", "Product_id");
        await Refused(OutputJson(product, "1", 999_999, Day, Day.AddHours(1), batch), "4004", "Meter_Superior_id");
        await Refused(OutputJson(product, "1", machine, Day, Day.AddHours(1), 999_999), "4004", "ProductBatch_id");
        await Refused(OutputJson(product, "\"many\"", machine, Day, Day.AddHours(1), batch), "4103", "Total_Amount");
        (await client.PutJson("/api_3/product_output", OutputJson(product, "1", machine, Day, Day.AddHours(1), batch, 999_999))).ErrNo.ShouldBe("4002");
        (await OutputEventsAsync()).ShouldBe(before);

        (await client.PostProduct("坏产量-产品")).ErrNo.ShouldBe("4003");
        (await client.PostBatch("坏产量-批次", Day, Day.AddHours(1))).ErrNo.ShouldBe("4003");
        (await client.PostProduct("")).ErrMsg.ShouldContain("Product_Name");
        (await client.PostBatch("坏产量-批次2", Day, Day)).ErrNo.ShouldBe("4103");
    }

    private async Task<long> OutputEventsAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM mt_events WHERE stream_id LIKE 'output-%' OR stream_id LIKE 'product-%' OR stream_id LIKE 'batch-%'", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
