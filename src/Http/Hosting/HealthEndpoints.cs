namespace Energy.Http.Hosting;

/// <summary>
/// Probes for orchestrators: <c>/health/live</c> says the process answers; <c>/health/ready</c> says
/// every <see cref="IReadinessCheck"/> is satisfied (200) or which is not (503). Outside the envelope:
/// these are for machines, not for the seed's clients.
/// </summary>
public static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").ExcludeFromDescription();
        health.MapGet("/live", () => Results.Json(new { status = "live" }));
        health.MapGet("/ready", ReadyAsync);
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
            ? Results.Json(new { status = "ready" })
            : Results.Json(new { status = "not ready", detail = string.Join("; ", failures) },
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check {Check} threw")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string check);
}
