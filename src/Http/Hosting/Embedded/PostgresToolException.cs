namespace Energy.Http.Hosting.Embedded;

/// <summary>initdb or pg_ctl failed; the message carries the tool's own explanation (stderr, server log).</summary>
public sealed class PostgresToolException : Exception
{
    public PostgresToolException()
    {
    }

    public PostgresToolException(string message)
        : base(message)
    {
    }

    public PostgresToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PostgresToolException(string tool, int exitCode, string stderr, string stdout)
        : base($"{Path.GetFileName(tool)} exited with code {exitCode}: {Explain(stderr, stdout)}")
    {
        ExitCode = exitCode;
        StandardError = stderr;
    }

    /// <summary>The tool's exit code, when the failure was a non-zero exit.</summary>
    public int? ExitCode { get; }

    /// <summary>What the tool wrote to stderr.</summary>
    public string StandardError { get; } = "";

    private static string Explain(string stderr, string stdout) =>
        string.IsNullOrWhiteSpace(stderr) ? stdout.Trim() : stderr.Trim();
}
