namespace Energy.Application.Vendor;

/// <summary>
/// The collector vendor (seed 003), bound from <c>Energy:Vendor</c>. Username, password and secret key sign
/// both directions (附4); they are configuration only, never logged and never stored in an event.
/// </summary>
public sealed class VendorOptions
{
    public const string Section = "Energy:Vendor";

    /// <summary>The vendor's API root for outbound calls (archive, tasks, tokens).</summary>
    public Uri? BaseUrl { get; set; }

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>The OAuth client of 3.1/3.2's <c>Authorization: Basic</c> header; the seed's example is test:test.</summary>
    public string ClientId { get; set; } = "test";

    public string ClientSecret { get; set; } = "test";

    public string Scope { get; set; } = "server";

    // The seed leaves every outbound path "（待补充）" (to be supplied): configurable, with guesses as defaults.
    public string TokenPath { get; set; } = "/auth/oauth/token";

    public string ArchivePath { get; set; } = "/archive";

    public string ArchiveResultPath { get; set; } = "/archive/result";

    public string TaskPath { get; set; } = "/task";

    /// <summary>One attempt's limit; a slow vendor is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Limit of a whole call including retries, so a user's request never hangs.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after a failed attempt (connection error, timeout, 5xx, 408, 429).</summary>
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A token is renewed this long before <c>expires_in</c> runs out (at most a tenth of its life).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest webhook body; a push of 60 readings is about 60 KiB.</summary>
    public int MaxWebhookBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How far ahead of the service's clock a reading's <c>sjsj</c> may lie (<see cref="Readings.ReadingWindow"/>).</summary>
    public TimeSpan MaxReadingLead { get; set; } = Readings.ReadingWindow.DefaultLead;

    /// <summary>Webhooks are refused until the three secrets are set: a sign over empty secrets would be guessable.</summary>
    public bool CanVerifySigns =>
        Username.Length > 0 && Password.Length > 0 && SecretKey.Length > 0;
}
