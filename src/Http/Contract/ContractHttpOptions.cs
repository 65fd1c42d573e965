namespace Energy.Http.Contract;

/// <summary>HTTP limits of the contract, bound from <c>Energy:Http</c>.</summary>
public sealed class ContractHttpOptions
{
    public const string Section = "Energy:Http";

    /// <summary>
    /// Largest accepted request body. 8 MiB leaves room for the 5 MiB image upload (CONTRACT §4, 2.9)
    /// plus its multipart framing; every JSON request is far smaller.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;
}
