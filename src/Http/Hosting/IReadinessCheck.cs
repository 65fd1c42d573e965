namespace Energy.Http.Hosting;

/// <summary>
/// Something the service needs before it can take traffic (the database, the projection daemon).
/// Register implementations in DI; <c>/health/ready</c> is ready when all of them are (or none exist).
/// </summary>
public interface IReadinessCheck
{
    Task<(bool Ready, string Detail)> CheckAsync(CancellationToken cancellationToken);
}
