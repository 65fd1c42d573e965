using Npgsql;

namespace Energy.Application.EventStore;

/// <summary>What a failed append means, for callers that run appends in transactions of their own.</summary>
public static class AppendFailure
{
    /// <summary>
    /// One of the append's sequence numbers was already taken (a tombstone or an event written there); nothing of the
    /// append was committed, so the whole transaction can simply run again with fresh numbers. Marten may hand
    /// the server's error on wrapped, so the whole chain is looked at.
    /// </summary>
    public static bool LostItsSequenceNumber(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_events_seq_id" })
            {
                return true;
            }
        }

        return false;
    }
}
