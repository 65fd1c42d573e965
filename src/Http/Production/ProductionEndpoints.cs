using Energy.Application.Common;
using Energy.Application.Production;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;
using Energy.Http.Meters;

namespace Energy.Http.Production;

/// <summary>Seed 8.1–8.14: products, batches, output records and their output/energy statistics.</summary>
public static class ProductionEndpoints
{
    private static readonly ApiFeature Feature = new("Production", "Seed 8.1–8.14: products, batches, output records and their output and energy statistics.");

    public static IEndpointRouteBuilder MapProductionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);

        api.MapGet("/products", async (HttpContext context, ProductionQueries queries, CancellationToken ct) =>
        {
            var (rows, total) = await queries.ProductsAsync(Query.Paging(context), ct);
            return Envelope.Page(rows.Select(ProductResponse.From), total);
        }).WithSummary("8.1 获取产品信息").SeedPaging().AnswersPage<ProductResponse>();
        api.MapPost("/products", async (ProductRequest body, HttpContext context, ProductHandler products, CancellationToken ct) =>
            Envelope.Created(await products.RegisterAsync(body.ToDetails(), context.Actor(), ct)))
            .WithSummary("8.2 添加产品信息").AnswersCreated();
        api.MapPut("/products", async (ProductRequest body, HttpContext context, ProductHandler products, CancellationToken ct) =>
        {
            await products.ChangeAsync(RequiredId(body.Id), body.ToDetails(), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("8.3 修改产品信息").AnswersOk();
        api.MapDelete("/products", async (HttpContext context, ProductHandler products, CancellationToken ct) =>
        {
            await products.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("8.4 删除产品信息").SeedDeleteId().AnswersOk();

        api.MapGet("/productsBatch", async (HttpContext context, ProductionQueries queries, PlantTime clock, CancellationToken ct) =>
        {
            var (rows, total) = await queries.BatchesAsync(Query.Paging(context), ct);
            return Envelope.Page(rows.Select(r => new BatchResponse(r.Id, r.Name, clock.Format(r.Start), clock.Format(r.End))), total);
        }).WithSummary("8.10 获取生产批次").SeedPaging().AnswersPage<BatchResponse>();
        api.MapPost("/productsBatch", async (BatchRequest body, HttpContext context, BatchHandler batches, PlantTime clock, CancellationToken ct) =>
            Envelope.Created(await batches.RegisterAsync(body.ToDetails(clock), context.Actor(), ct)))
            .WithSummary("8.11 添加生产批次").AnswersCreated();
        api.MapPut("/productsBatch", async (BatchRequest body, HttpContext context, BatchHandler batches, PlantTime clock, CancellationToken ct) =>
        {
            await batches.ChangeAsync(RequiredId(body.Id), body.ToDetails(clock), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("8.12 修改生产批次").AnswersOk();
        api.MapDelete("/productsBatch", async (HttpContext context, BatchHandler batches, CancellationToken ct) =>
        {
            await batches.DeleteAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("8.13 删除生产批次").SeedDeleteId().AnswersOk();

        api.MapGet("/product_output", async (HttpContext context, ProductionQueries queries, PlantTime clock, CancellationToken ct) =>
        {
            var batches = Query.List(context, "Production_Batch");
            var products = Query.List(context, "Product_Name");
            var (rows, total) = await queries.OutputsAsync(batches.Count > 0 ? batches : null, products.Count > 0 ? products : null, Query.Paging(context), ct);
            return Envelope.Page(rows.Select(r => new OutputResponse(r.Id, r.ProductId, r.Amount, r.MachineId, clock.Format(r.Start), clock.Format(r.End),
                clock.Format(r.CreatedAt), r.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture))), total);
        }).WithSummary("8.5 获取产品产量信息").SeedPaging()
            .SeedQuery("Production_Batch", SeedType.List, description: "生产批次: only these batches' records")
            .SeedQuery("Product_Name", SeedType.List, description: "产品名称: only these products' records")
            .AnswersPage<OutputResponse>();
        api.MapPost("/product_output", async (OutputRequest body, HttpContext context, OutputHandler outputs, PlantTime clock, CancellationToken ct) =>
            Envelope.Created(await outputs.RecordAsync(body.ToDetails(clock), context.Actor(), ct)))
            .WithSummary("8.6 录入产品产量信息").AnswersCreated();
        api.MapPut("/product_output", async (OutputRequest body, HttpContext context, OutputHandler outputs, PlantTime clock, CancellationToken ct) =>
        {
            var id = RequiredId(body.Id);
            await outputs.CorrectAsync(id, body.ToDetails(clock), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("8.7 修改产品产量信息").AnswersOk();
        api.MapDelete("/product_output", async (HttpContext context, OutputHandler outputs, CancellationToken ct) =>
        {
            await outputs.RemoveAsync(await CatalogRequests.DeleteIdAsync(context, ct), context.Actor(), ct);
            return Envelope.Ok();
        }).WithSummary("8.8 删除产品产量信息").SeedDeleteId().AnswersOk();

        api.MapGet("/product_output_energy_statistic", async (HttpContext context, ProductionStatisticsQueries statistics, PlantTime clock, CancellationToken ct) =>
        {
            var (request, timeOf) = await StatisticRequests.OutputAsync(context, ct);
            var rows = await statistics.QueryAsync(request, ct);
            return Envelope.Data(rows.Select(r => new OutputStatisticResponse(r.Product, r.Machine, clock.Format(r.Time ?? timeOf), StatisticRequests.Render(r.Value), r.FactorSet)));
        }).WithSummary("8.9 获取产品产量统计信息").SeedOutputStatisticQuery().AnswersData<OutputStatisticResponse>();
        api.MapGet("/productsBatch_output_energy_statistic", async (HttpContext context, ProductionStatisticsQueries statistics, CancellationToken ct) =>
        {
            var rows = await statistics.QueryAsync(StatisticRequests.Batch(context), ct);
            return Envelope.Data(rows.Select(r => new BatchStatisticResponse(r.Batch, r.Product, r.Machine, StatisticRequests.Render(r.Value), r.FactorSet)));
        }).WithSummary("8.14 获取批次产量统计信息").SeedBatchStatisticQuery().AnswersData<BatchStatisticResponse>();
        return app;
    }

    private static long RequiredId(long id) => id > 0 ? id : throw ContractError.BadParameter("id", "is required (a positive integer id)");
}
