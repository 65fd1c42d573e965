using Energy.EventStore.Embedded;
using Npgsql;

namespace Energy.Http.Hosting;

/// <summary>Wires the one PostgreSQL the service uses: the configured server, else an embedded cluster.</summary>
public static class EnergyDatabase
{
    private const string ConnectionStringKey = "ConnectionStrings:Energy";
    private const string DataDirectoryKey = "Energy:Embedded:DataDirectory";

    /// <summary>
    /// Uses <c>ConnectionStrings:Energy</c> when set; otherwise starts an embedded cluster under
    /// <c>Energy:Embedded:DataDirectory</c> (default <c>.energy/pg</c>) now, so the rest of the
    /// configuration sees its connection string, and stops it when the host stops.
    /// Registers one <see cref="NpgsqlDataSource"/> for the app.
    /// </summary>
    public static WebApplicationBuilder AddEnergyDatabase(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[ConnectionStringKey]))
        {
            StartEmbedded(builder);
        }

        // Read when first resolved, so a test host's late configuration override still wins.
        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>()[ConnectionStringKey]
                ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set.");
            return NpgsqlDataSource.Create(connectionString);
        });
        return builder;
    }

    private static void StartEmbedded(WebApplicationBuilder builder)
    {
        var dataDirectory = Path.GetFullPath(
            builder.Configuration[DataDirectoryKey] ?? Path.Combine(".energy", "pg"), Directory.GetCurrentDirectory());

        // The host's logging is not built yet; this factory lives as long as the cluster.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true));
        var postgres = new EmbeddedPostgres(
            new EmbeddedPostgresOptions { DataDirectory = dataDirectory },
            loggerFactory.CreateLogger<EmbeddedPostgres>());

        // Synchronous on purpose: everything configured after this call needs the connection string.
        postgres.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        builder.Configuration[ConnectionStringKey] = postgres.ConnectionString;

        builder.Services.AddSingleton(postgres);
        builder.Services.AddHostedService(_ => new EmbeddedPostgresLifetime(postgres, loggerFactory));
    }
}
