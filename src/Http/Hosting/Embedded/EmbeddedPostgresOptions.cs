namespace Energy.Http.Hosting.Embedded;

/// <summary>How to run a private PostgreSQL cluster from the machine's server binaries.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>Where the cluster lives. Created and initialised (initdb) on first start; data survives restarts.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Database created (when missing) at start and named in <see cref="EmbeddedPostgres.ConnectionString"/>.</summary>
    public string Database { get; init; } = "energy";

    /// <summary>Folder holding <c>initdb</c> and <c>pg_ctl</c>; when null they are searched on PATH, then under /usr/lib/postgresql.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; when null a free loopback port is picked at each start.</summary>
    public int? Port { get; init; }

    /// <summary>Delete the data directory when the instance is disposed (throwaway test clusters).</summary>
    public bool DeleteDataOnStop { get; init; }

    /// <summary>
    /// Extra <c>-c name=value</c> server settings, applied after the defaults so they win
    /// (tests turn off fsync, synchronous_commit and full_page_writes for speed).
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtraServerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest a single initdb/pg_ctl call may take before it is killed.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
