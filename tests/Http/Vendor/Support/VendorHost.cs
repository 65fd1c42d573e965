using Energy.Http.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Energy.Http.Tests.Vendor.Support;

/// <summary>
/// The service configured with the vendor's secrets, optionally over an existing database (to restart on it)
/// and pointing at a fake vendor.
/// </summary>
public sealed class VendorHost : EnergyHost
{
    public const string Username = "bbi-user";
    public const string Password = "bbi-pass";
    public const string SecretKey = "bbi-secret";

    private readonly string? database;
    private readonly Uri? vendorBaseUrl;
    private readonly TimeProvider? clock;
    private readonly IReadOnlyDictionary<string, string> settings = new Dictionary<string, string>();

    public VendorHost() { }

    private VendorHost(string? database, Uri? vendorBaseUrl, TimeProvider? clock, IReadOnlyDictionary<string, string>? settings)
    {
        this.database = database;
        this.vendorBaseUrl = vendorBaseUrl;
        this.clock = clock;
        this.settings = settings ?? this.settings;
    }

    /// <summary>A host over <paramref name="database"/> (null: a fresh one), calling the vendor at <paramref name="vendorBaseUrl"/>.</summary>
    public static VendorHost Create(string? database = null, Uri? vendorBaseUrl = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(database, vendorBaseUrl, clock, settings);

    /// <summary>The database this host runs on (its own, or the one it was given).</summary>
    public string Database => database ?? ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Energy", Database);
        builder.UseSetting("Energy:Vendor:Username", Username);
        builder.UseSetting("Energy:Vendor:Password", Password);
        builder.UseSetting("Energy:Vendor:SecretKey", SecretKey);
        builder.UseSetting("Energy:Vendor:AttemptTimeout", "00:00:01");
        builder.UseSetting("Energy:Vendor:Timeout", "00:00:10");
        builder.UseSetting("Energy:Vendor:RetryDelay", "00:00:00.010");
        if (vendorBaseUrl is not null)
        {
            builder.UseSetting("Energy:Vendor:BaseUrl", vendorBaseUrl.AbsoluteUri);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}
