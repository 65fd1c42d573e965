using Energy.Http.Contract.OpenApi;

namespace Energy.Http.Hosting;

/// <summary>
/// Probes for orchestrators: <c>/health/live</c> says the process answers; <c>/health/ready</c> says
/// every <see cref="IReadinessCheck"/> is satisfied (200) or which is not (503). Outside the envelope:
/// these are for machines, not for the seed's clients.
/// </summary>
public static partial class HealthEndpoints
{
    private static readonly ApiFeature Feature = new("Health", "Probes for orchestrators, outside the seed envelope and without a login.");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").InFeature(Feature).AnswersOutsideEnvelope();
        health.MapGet("/live", () => Results.Json(new HealthAnswer("live")))
            .WithSummary("The process answers").Answers(StatusCodes.Status200OK, typeof(HealthAnswer), "live");
        health.MapGet("/ready", ReadyAsync).WithSummary("Every readiness check is satisfied")
            .Answers(StatusCodes.Status200OK, typeof(HealthAnswer), "ready")
            .Answers(StatusCodes.Status503ServiceUnavailable, typeof(HealthAnswer), "not ready: detail names each check that is not satisfied");
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(
        IEnumerable<IReadinessCheck> checks, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var check in checks)
        {
            var name = check.GetType().Name;
            try
            {
                var (ready, detail) = await check.CheckAsync(cancellationToken);
                if (!ready)
                {
                    failures.Add($"{name}: {detail}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A throwing check means "not ready", not a failed probe; the reason goes to the log.
                LogCheckFailed(loggers.CreateLogger(typeof(HealthEndpoints)), e, name);
                failures.Add($"{name}: failed ({e.GetType().Name})");
            }
        }

        return failures.Count == 0
            ? Results.Json(new HealthAnswer("ready"))
            : Results.Json(new HealthAnswer("not ready", string.Join("; ", failures)),
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check {Check} threw")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string check);
}
