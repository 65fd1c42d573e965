namespace Energy.Http.Hosting.Embedded;

/// <summary>The PostgreSQL server binaries (initdb, pg_ctl) needed for an embedded cluster are missing.</summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    internal const string Remedy =
        "To fix: install PostgreSQL server binaries (Debian: apt-get install postgresql) " +
        "or set ConnectionStrings__Energy to an existing server.";

    public PostgresBinariesNotFoundException()
        : base($"PostgreSQL server binaries (initdb, pg_ctl) were not found. {Remedy}")
    {
    }

    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
