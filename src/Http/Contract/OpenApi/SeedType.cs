namespace Energy.Http.Contract.OpenApi;

/// <summary>The forms a hand-read query value takes (<see cref="Query"/>, CONTRACT §1 Types), as the document shows them.</summary>
public enum SeedType
{
    /// <summary>A record id: a positive integer (<see cref="Query.RequiredId"/>).</summary>
    Id,

    /// <summary>An integer code or count (<see cref="Query.OptionalInt"/>).</summary>
    Int,

    /// <summary>A decimal number (<see cref="Query.OptionalDecimal"/>).</summary>
    Number,

    /// <summary>Free text: a name, a code, a file name.</summary>
    String,

    /// <summary>A seed flag, "0" or "1" (<see cref="Query.OptionalFlag"/>).</summary>
    Flag,

    /// <summary>A time: plant wall clock <c>YYYY-MM-DD HH:mm:ss</c> or ISO-8601 (<see cref="Query.OptionalTime"/>).</summary>
    Time,

    /// <summary>Names separated by <c>,</c> or <c>，</c> (<see cref="Query.List"/>).</summary>
    List,

    /// <summary>Integer codes separated by <c>,</c> or <c>，</c> (<see cref="Query.IntList"/>).</summary>
    IntList,
}
