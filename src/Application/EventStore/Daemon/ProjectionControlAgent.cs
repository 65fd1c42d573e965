using JasperFx;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Energy.Application.EventStore;

/// <summary>
/// Starts again, on the host running the shards (HotCold: one at a time), a shard Marten's daemon paused: after an
/// error its page kept raising (a lost connection; poisoned events go to dead letters instead), after a back-off;
/// after an operator's pause (<see cref="ProcessorBatch"/> refuses its pages while <c>projection_control.paused</c>
/// is set), once the pause is lifted. It then resumes from its stored floor.
/// </summary>
internal sealed partial class ProjectionControlAgent(
    IProjectionCoordinator coordinator,
    Npgsql.NpgsqlDataSource dataSource,
    IOptions<DaemonOptions> options,
    TimeProvider clock,
    ILogger<ProjectionControlAgent> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                var daemon = coordinator.DaemonForMainDatabase();
                var paused = daemon.CurrentAgents().Where(a => a.Status == AgentStatus.Paused).ToDictionary(a => a.Name.Identity, StringComparer.Ordinal);
                if (paused.Count == 0)
                {
                    continue;
                }

                foreach (var row in await ProjectionControlStore.ReadAsync(dataSource, null, stoppingToken))
                {
                    var shard = ProjectionControlStore.ShardName(row.Name);
                    if (!row.Paused && paused.TryGetValue(shard, out var agent) && clock.GetUtcNow() - (agent.PausedTime ?? DateTimeOffset.MinValue) > options.Value.RetryBackoff * 10)
                    {
                        LogRestarted(logger, row.Name, agent.Failure?.Message);
                        await daemon.StartAgentAsync(shard, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Processor} again, which the daemon had paused ({Reason})")]
    private static partial void LogRestarted(ILogger logger, string processor, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting paused shards again failed; it looks again")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
