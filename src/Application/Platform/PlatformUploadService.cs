using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Energy.Application.Platform;

/// <summary>Runs <see cref="PlatformUploader"/> every <c>Energy:Platform:UploadInterval</c> on the injected clock.</summary>
public sealed class PlatformUploadService(
    IServiceScopeFactory scopes,
    IOptions<PlatformOptions> options,
    TimeProvider clock,
    ILogger<PlatformUploadService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UploadEnabled || options.Value.BaseUrl is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.UploadInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var uploaded = await scope.ServiceProvider.GetRequiredService<PlatformUploader>().UploadDueAsync(stoppingToken);
                if (uploaded > 0)
                {
                    logger.LogInformation("Uploaded {Count} closed periods to the provincial platform", uploaded);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Platform upload round failed; the next round starts where this one stopped");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
