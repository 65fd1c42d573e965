using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Energy.Http.Tests.Platform.Support;

/// <summary>The service pointed at a fake platform, on a clock the test moves, uploading every 100 ms; it also takes signed vendor pushes.</summary>
public sealed class PlatformHost(Uri platform, TimeProvider clock, string encryption = "none") : EnergyHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Energy:Vendor:Username", VendorHost.Username);
        builder.UseSetting("Energy:Vendor:Password", VendorHost.Password);
        builder.UseSetting("Energy:Vendor:SecretKey", VendorHost.SecretKey);
        builder.UseSetting("Energy:Platform:BaseUrl", platform.AbsoluteUri);
        builder.UseSetting("Energy:Platform:Encryption", encryption);
        builder.UseSetting("Energy:Platform:UploadInterval", "00:00:00.100");
        builder.UseSetting("Energy:Platform:Retries", "1");
        builder.UseSetting("Energy:Platform:RetryDelay", "00:00:00.010");
        builder.UseSetting("Energy:Platform:AttemptTimeout", "00:00:02");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
    }
}
