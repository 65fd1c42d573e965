namespace Energy.Domain.Production;

/// <summary>A product as folded from <c>product-&lt;id&gt;</c>.</summary>
public sealed record Product(long Id, ProductDetails Details, bool Deleted)
{
    public static readonly Product None = new(0, new ProductDetails("", "", ""), false);

    public bool IsLive => Id != 0 && !Deleted;

    public static string StreamId(long id) => $"product-{id}";

    public static Product Evolve(Product state, object @event) => @event switch
    {
        ProductRegistered e => new Product(e.ProductId, e.Details, false),
        ProductChanged e => state with { Details = e.Details },
        ProductDeleted => state with { Deleted = true },
        _ => state,
    };

    public static IReadOnlyList<object> Register(Product state, long id, ProductDetails details) =>
        state.Id != 0 ? throw DomainRuleException.Violated($"product {id} exists already") : [new ProductRegistered(id, details)];

    public static IReadOnlyList<object> Change(Product state, long id, ProductDetails details) =>
        Live(state, id).Details == details ? [] : [new ProductChanged(id, details)];

    public static IReadOnlyList<object> Delete(Product state, long id, DateTimeOffset at) =>
        [new ProductDeleted(Live(state, id).Id, at)];

    private static Product Live(Product state, long id) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("product", id);
}
