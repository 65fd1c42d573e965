using Npgsql;

namespace Energy.EventStore;

/// <summary>What a failed append means, for callers that run appends in transactions of their own.</summary>
public static class AppendFailure
{
    /// <summary>
    /// The daemon gave up waiting for one of the append's sequence numbers and tombstoned it; nothing of the
    /// append was committed, so the whole transaction can simply run again with fresh numbers.
    /// </summary>
    public static bool LostItsSequenceNumber(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_pkey";
}
