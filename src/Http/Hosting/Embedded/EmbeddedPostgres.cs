using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Energy.Http.Hosting.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries (initdb, pg_ctl) in a data
/// directory of its own, on a loopback port of its own, so several can run side by side.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private PostgresBinaries? _binaries;
    private int? _port;
    private bool _disposed;

    public EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>Absolute path of the cluster's data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The server's log file, beside the data directory.</summary>
    public string LogFile => Path.Combine(ParentDirectory, Path.GetFileName(DataDirectory) + ".log");

    /// <summary>The port the running server listens on (127.0.0.1).</summary>
    public int Port => _port ?? throw new InvalidOperationException("The embedded PostgreSQL has not been started.");

    /// <summary>Whether <see cref="StartAsync"/> found the server already running (started by another process) rather than starting it.</summary>
    public bool Adopted { get; private set; }

    /// <summary>
    /// Whether this instance may stop the server (<see cref="ClusterOwner"/>): it started it, or adopted one whose
    /// starter is gone. <see cref="StopAsync"/> leaves a server it does not own running.
    /// </summary>
    public bool Owned { get; private set; }

    private readonly Guid _instance = Guid.NewGuid();

    /// <summary>Npgsql connection string of <see cref="EmbeddedPostgresOptions.Database"/>.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    private string ParentDirectory => Path.GetDirectoryName(DataDirectory) ?? DataDirectory;

    /// <summary>
    /// Initialises the cluster if the directory has none, starts the server (or adopts one still running
    /// from an earlier run of this directory) and creates the configured database when missing.
    /// </summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _binaries ??= PostgresBinaries.Locate(_options.BinDirectory);
        await PrepareDirectoriesAsync(ct);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitDbAsync(ct);
        }

        var earlier = PostmasterPid.Read(DataDirectory);
        if (earlier is { IsAlive: true })
        {
            _port = earlier.Port;
            Adopted = true;
            Log.ReusingServer(_logger, DataDirectory, earlier.ProcessId, earlier.Port);
            TakeOverIfOrphaned();
        }
        else
        {
            if (earlier is not null)
            {
                // A killed server leaves its lock file behind; it must not block this start.
                PostmasterPid.DeleteStale(DataDirectory);
                Log.RemovedStaleLockFile(_logger, DataDirectory, earlier.ProcessId);
            }

            _port = await StartServerAsync(ct);
            Adopted = false;
            ClusterOwner.Current(_instance).Write(DataDirectory);
            Owned = true;
        }

        await PostgresDatabases.EnsureAsync(ConnectionStringFor("postgres"), _options.Database, ct);
    }

    /// <summary>Creates a new database on this server and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default) =>
        PostgresDatabases.CreateAsync(ConnectionStringFor("postgres"), name, ct);

    /// <summary>Stops the server (fast shutdown: open sessions are cut, committed data is kept).</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_port is null || _binaries is null)
        {
            return;
        }

        if (!Owned)
        {
            // Another process started it and still runs on it (issue 17): only the starter may stop it.
            Log.LeavingServerRunning(_logger, DataDirectory, ClusterOwner.Read(DataDirectory)?.ProcessId ?? 0);
            _port = null;
            return;
        }

        if (PostmasterPid.Read(DataDirectory) is { IsAlive: true })
        {
            Log.StoppingServer(_logger, DataDirectory);
            await PostgresTool.RunAsync(
                _binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], ParentDirectory, _options.ToolTimeout, ct);
        }

        ClusterOwner.Delete(DataDirectory);
        Owned = false;
        _port = null;
    }

    /// <summary>Stops the server and, with <see cref="EmbeddedPostgresOptions.DeleteDataOnStop"/>, deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var owned = Owned;
        await StopAsync();
        if (_options.DeleteDataOnStop && owned)
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }

            File.Delete(LogFile);
            Log.DeletedData(_logger, DataDirectory);
        }
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;
}
