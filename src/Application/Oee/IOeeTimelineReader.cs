using Energy.Domain.Oee;

namespace Energy.Application.Oee;

/// <summary>A machine's status over a span: the status at its start and the changes inside it.</summary>
public sealed record OeeSpan(string StatusAtStart, IReadOnlyList<OeeChange> Changes);

/// <summary>Reads the OEE timeline read model (implemented beside its table in Projections).</summary>
public interface IOeeTimelineReader
{
    /// <summary>The status at <paramref name="start"/> and the changes in (<paramref name="start"/>, <paramref name="end"/>), in time order.</summary>
    Task<OeeSpan> SpanAsync(long machineId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default);
}
