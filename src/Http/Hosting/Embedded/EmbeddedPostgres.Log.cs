using Microsoft.Extensions.Logging;

namespace Energy.Http.Hosting.Embedded;

public sealed partial class EmbeddedPostgres
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Initialising a PostgreSQL cluster in {DataDirectory}")]
        public static partial void InitialisingCluster(ILogger logger, string dataDirectory);

        [LoggerMessage(Level = LogLevel.Information, Message = "Starting PostgreSQL for {DataDirectory} on 127.0.0.1:{Port}")]
        public static partial void StartingServer(ILogger logger, string dataDirectory, int port);

        [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL is up on 127.0.0.1:{Port} after {ElapsedMs} ms")]
        public static partial void ServerStarted(ILogger logger, int port, long elapsedMs);

        [LoggerMessage(Level = LogLevel.Information,
            Message = "Reusing the PostgreSQL server (pid {ProcessId}) still running for {DataDirectory} on port {Port}")]
        public static partial void ReusingServer(ILogger logger, string dataDirectory, int processId, int port);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Removed a stale postmaster.pid (pid {ProcessId} is gone) from {DataDirectory}")]
        public static partial void RemovedStaleLockFile(ILogger logger, string dataDirectory, int processId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Port {Port} was taken before PostgreSQL could bind it; trying another")]
        public static partial void PortTaken(ILogger logger, int port);

        [LoggerMessage(Level = LogLevel.Information,
            Message = "Granted others search (o+x) on {Directory} so the postgres user can reach its data directory")]
        public static partial void GrantedTraverse(ILogger logger, string directory);

        [LoggerMessage(Level = LogLevel.Information,
            Message = "Leaving PostgreSQL for {DataDirectory} running: process {OwnerProcessId} started it and still uses it")]
        public static partial void LeavingServerRunning(ILogger logger, string dataDirectory, int ownerProcessId);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Taking over PostgreSQL for {DataDirectory}: the process that started it ({OwnerProcessId}) is gone")]
        public static partial void TakingOverServer(ILogger logger, string dataDirectory, int ownerProcessId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Stopping PostgreSQL for {DataDirectory}")]
        public static partial void StoppingServer(ILogger logger, string dataDirectory);

        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the PostgreSQL data directory {DataDirectory}")]
        public static partial void DeletedData(ILogger logger, string dataDirectory);
    }
}
