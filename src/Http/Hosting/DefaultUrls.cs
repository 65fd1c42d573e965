namespace Energy.Http.Hosting;

/// <summary>Where the service listens when nobody said otherwise.</summary>
public static class DefaultUrls
{
    public const string Loopback = "http://127.0.0.1:5080";

    /// <summary>
    /// Listens on <see cref="Loopback"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP(S)_PORTS</c> or <c>Kestrel:Endpoints</c> configure addresses: loopback by
    /// default so a developer's run is never exposed on the network by accident.
    /// </summary>
    public static WebApplicationBuilder ListenOnLoopbackUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(Loopback);
        }

        return builder;
    }
}
