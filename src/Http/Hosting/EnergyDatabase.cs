using Energy.Http.Hosting.Embedded;
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
    /// A cluster that was already running (the service's, seen by the CLI) is stopped at exit only when
    /// <paramref name="stopAdoptedCluster"/>: the CLI must never take the running service's database down.
    /// </summary>
    public static T AddEnergyDatabase<T>(this T builder, bool stopAdoptedCluster = true)
        where T : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[ConnectionStringKey]))
        {
            StartEmbedded(builder, stopAdoptedCluster);
        }

        // Read when first resolved, so a test host's late configuration override still wins.
        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>()[ConnectionStringKey]
                ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set.");
            return CreateDataSource(connectionString);
        });
        return builder;
    }

    /// <summary>
    /// The pool skips resetting a connection's session when it is handed back (<c>No Reset On Close</c>),
    /// unless the connection string says otherwise: nothing here leaves session state behind (settings are
    /// <c>TransactionSettings</c>, local to a transaction, and the one session-level advisory lock, a
    /// leader's, is released before its connection goes back), and the reset (<c>DISCARD ALL</c>, or the
    /// statements it stands for once prepared statements exist) ran before the first command of every pooled use.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        // The keys the string itself names (NpgsqlConnectionStringBuilder.ContainsKey answers for every key it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return NpgsqlDataSource.Create(settings.ConnectionString);
    }

    private static void StartEmbedded(IHostApplicationBuilder builder, bool stopAdoptedCluster)
    {
        var dataDirectory = Path.GetFullPath(
            builder.Configuration[DataDirectoryKey] ?? Path.Combine(".energy", "pg"), Directory.GetCurrentDirectory());

        // The host's logging is not built yet; this factory lives as long as the cluster.
        var loggerFactory = LoggerFactory.Create(logging => EnergyLogging.AddConsole(
            logging.AddConfiguration(builder.Configuration.GetSection("Logging")), builder.Configuration));
        var postgres = new EmbeddedPostgres(
            new EmbeddedPostgresOptions { DataDirectory = dataDirectory },
            loggerFactory.CreateLogger<EmbeddedPostgres>());

        // Synchronous on purpose: everything configured after this call needs the connection string.
        postgres.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        builder.Configuration[ConnectionStringKey] = postgres.ConnectionString;

        builder.Services.AddSingleton(postgres);
        var stop = stopAdoptedCluster || !postgres.Adopted;
        builder.Services.AddHostedService(_ => new EmbeddedPostgresLifetime(postgres, loggerFactory, stop));
    }
}
