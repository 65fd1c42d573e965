namespace Energy.Application.Common;

/// <summary>
/// One page of a list query (CONTRACT §1 Paging): <c>Per_Page_Counts</c> rows per page, default 10,
/// at most 1000; <c>Page_Counts</c> 1-based, with 0 meaning the first page too (the seed says both).
/// </summary>
/// <remarks>
/// A <c>Per_Page_Counts</c> over the maximum is refused (4103) rather than clamped: a client asking for
/// 5000 rows and silently getting 1000 could take a partial list for the whole one, while an error names
/// the limit. A page past the end is not an error: the query returns no rows and the true total.
/// </remarks>
public sealed record Paging(int Page, int PerPage)
{
    public const string PerPageField = "Per_Page_Counts";
    public const string PageField = "Page_Counts";
    public const int DefaultPerPage = 10;
    public const int MaxPerPage = 1000;

    public static Paging First { get; } = new(1, DefaultPerPage);

    /// <summary>Rows to skip; long because page × size can pass int.MaxValue.</summary>
    public long Offset => (long)(Page - 1) * PerPage;

    /// <summary>Rows to take.</summary>
    public int Limit => PerPage;

    /// <summary>Reads the two seed parameters; null means absent.</summary>
    public static Paging From(int? perPageCounts, int? pageCounts)
    {
        var perPage = perPageCounts ?? DefaultPerPage;
        if (perPage < 1 || perPage > MaxPerPage)
        {
            throw ContractError.BadParameter(PerPageField, $"must be between 1 and {MaxPerPage}, got {perPage}");
        }

        var page = pageCounts ?? 0;
        if (page < 0)
        {
            throw ContractError.BadParameter(PageField, $"must be 0 or a positive page number, got {page}");
        }

        return new Paging(Math.Max(page, 1), perPage);
    }

    /// <summary>This page of an in-memory list; empty when the page lies past the end.</summary>
    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> all) =>
        Offset >= all.Count ? [] : all.Skip((int)Offset).Take(Limit).ToList();
}
