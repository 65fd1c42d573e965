using System.Text;
using Energy.Http.Hosting.Embedded;

namespace Energy.Testing;

/// <summary>
/// One PostgreSQL server per test process, handing out a brand-new empty database per call. Test
/// projects run in parallel as separate processes, so each starts its own throwaway cluster, unless
/// <see cref="ServerVariable"/> names an existing server where the user may CREATE DATABASE.
/// </summary>
public static class PostgresCluster
{
    /// <summary>Environment variable holding a connection string of a server to use instead of a cluster.</summary>
    public const string ServerVariable = "ENERGY_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>
    /// Durability costs time and buys nothing for a cluster deleted at the end of the run;
    /// parallel tests each hold pooled connections, hence the connection headroom.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FastSettings { get; } = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "200",
    };

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var server = await Server.Value;
        return await PostgresDatabases.CreateAsync(server, UniqueName(prefix));
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        var folder = TempDirectory.Create();
        var cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(folder.Path, "pg"),
            Database = "postgres",
            DeleteDataOnStop = true,
            ExtraServerSettings = FastSettings,
        });

        // ProcessExit stops the cluster on a normal exit; the test host is often killed mid-handler,
        // so a guard process outside it finishes the job. Both are set up before starting, so a
        // half-started cluster is cleaned up as well.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            folder.Dispose();
        };
        ClusterGuard.Start(cluster.DataDirectory, folder.Path);
        await cluster.StartAsync();
        return cluster.ConnectionString;
    }

    private static string UniqueName(string? prefix)
    {
        var safe = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        // Identifiers are cut at 63 bytes; keep the unique part whole.
        var head = safe.Length > 30 ? safe.ToString(0, 30) : safe.ToString();
        return $"{head}_{Guid.NewGuid():N}";
    }
}
