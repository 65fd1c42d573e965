using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Http.Hosting;

/// <summary>Ready when the database answers and the store's schema is in place.</summary>
internal sealed class DatabaseReadiness(SchemaMigrator schema) : IReadinessCheck
{
    public async Task<(bool Ready, string Detail)> CheckAsync(CancellationToken ct)
    {
        try
        {
            return await schema.IsInPlaceAsync(ct) ? (true, "database ready") : (false, "schema not created yet");
        }
        catch (NpgsqlException e)
        {
            return (false, "database unreachable: " + e.Message);
        }
    }
}
