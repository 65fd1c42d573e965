namespace Energy.Application.Platform;

/// <summary>
/// The provincial platform (seed 5.x, CONTRACT §7), bound from <c>Energy:Platform</c>. The seed leaves the
/// platform's own paths open: they are configurable, and the registration's service URLs win when given.
/// </summary>
public sealed class PlatformOptions
{
    public const string Section = "Energy:Platform";

    public Uri? BaseUrl { get; set; }

    /// <summary><c>none</c> or <c>sm4</c> (each value SM4-ECB-PKCS7, hex, under the registration's secretKey).</summary>
    public string Encryption { get; set; } = "none";

    public string RegisterPath { get; set; } = "register";

    public string VersionPath { get; set; } = "version";

    public string DictionaryPath { get; set; } = "dictionary";

    public string ConfigPath { get; set; } = "config";

    public string DataPath { get; set; } = "data";

    /// <summary>How often the uploader looks for closed days and months.</summary>
    public TimeSpan UploadInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upload on (false: the service never uploads, e.g. a second instance).</summary>
    public bool UploadEnabled { get; set; } = true;

    /// <summary>How long a round waits for the energy read model to catch up before leaving the upload to the next round.</summary>
    public TimeSpan CatchUpWait { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a failed attempt within one call; the delay doubles each time.</summary>
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool EncryptValues => string.Equals(Encryption, "sm4", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The WeChat mini program (seed 9.1), bound from <c>Energy:WeChat</c>. The app secret is configuration only.</summary>
public sealed class WeChatOptions
{
    public const string Section = "Energy:WeChat";

    public Uri BaseUrl { get; set; } = new("https://api.weixin.qq.com/");

    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
