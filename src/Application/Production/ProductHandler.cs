using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Domain.Production;

namespace Energy.Application.Production;

/// <summary>Seed 8.2–8.4: products, one stream <c>product-&lt;id&gt;</c> each, names unique (4003).</summary>
public sealed class ProductHandler(StreamCommands commands, Ids ids, TimeProvider clock)
{
    public const string NameKind = "product";

    public async Task<long> RegisterAsync(ProductDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Checked(details);
        var id = await ids.NextAsync("product", ct);
        await Handle(id, s => Product.Register(s, id, details), actor, (conn, tx, _) =>
            UniqueNames.ReserveAsync(conn, tx, NameKind, "product", details.Name, id, ct), ct);
        return id;
    }

    public Task ChangeAsync(long id, ProductDetails details, Actor actor, CancellationToken ct = default)
    {
        details = Checked(details);
        return Handle(id, s => Product.Change(s, id, details), actor, async (conn, tx, _) =>
        {
            await UniqueNames.ReserveAsync(conn, tx, NameKind, "product", details.Name, id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, details.Name, ct);
        }, ct);
    }

    /// <summary>Refused (4004) while live outputs name it.</summary>
    public Task DeleteAsync(long id, Actor actor, CancellationToken ct = default) =>
        Handle(id, s => Product.Delete(s, id, clock.GetUtcNow()), actor, async (conn, tx, _) =>
        {
            await ProductionChecks.NotReferencedAsync(conn, tx, OutputHandler.ProductsTable, "product_id", "product", id, ct);
            await UniqueNames.ReleaseAsync(conn, tx, NameKind, id, null, ct);
        }, ct);

    private Task<Product> Handle(long id, Func<Product, IReadOnlyList<object>> decide, Actor actor,
        Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, IReadOnlyList<object>, Task> alongside, CancellationToken ct) =>
        CatalogErrors.Translate(() => commands.HandleAsync(Product.StreamId(id), Product.None, Product.Evolve, decide, actor, alongside, ct));

    private static ProductDetails Checked(ProductDetails details) => new(
        ProductionChecks.Name(details.Name, "Product_Name"), (details.Unit ?? "").Trim(), (details.Remarks ?? "").Trim());
}
