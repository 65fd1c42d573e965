using Energy.Application.Common;
using Energy.Domain.Readings;
using Energy.Domain.Vendor;
using Microsoft.Extensions.Options;

namespace Energy.Application.Vendor;

/// <summary>
/// What a logged-in user asks of the vendor (CONTRACT §5 (ext)): archive meters on a concentrator, parse an
/// archive result, dispatch a task. Vendor failures reach the caller as contract errors:
/// a refusal (附3 codes such as 20000 "Without the concentrator", 20001 "Unfinished task") is 4004 数据错误 —
/// the request breaks a rule on the vendor's side that the caller can act on (wait for the running task, fix
/// the concentrator number) — while an unreachable or slow vendor is 4501 未知错误: nothing in the request is
/// wrong and only trying again later helps.
/// </summary>
public sealed class VendorTaskHandler(VendorClient client, StreamCommands commands, TimeProvider clock, IOptions<VendorOptions> options)
{
    public const int MaxArchiveMeters = 8;

    /// <summary>
    /// 2.1: the vendor is asked first and the task is recorded only once it accepted, so a refused task leaves
    /// no trace (CONTRACT §1). A result may arrive on the callback before the record; both end up on the
    /// task's stream either way.
    /// </summary>
    public async Task<string> DispatchAsync(string meter, VendorTaskMode mode, Actor actor, CancellationToken ct)
    {
        // Checked before the vendor is called: the number goes into the vendor's request and the task's stream.
        DeviceNumberOf(meter, "Meter_Code");
        var taskId = Guid.CreateVersion7().ToString();
        await CallAsync(() => client.DispatchTaskAsync(taskId, meter, mode, ct));
        await commands.HandleAsync(
            VendorTask.StreamId(taskId),
            VendorTaskState.Initial,
            VendorTask.Evolve,
            state => VendorTask.Decide(new DispatchVendorTask(taskId, meter, mode, clock.GetUtcNow(), actor.UserName), state),
            actor,
            ct: ct);
        return taskId;
    }

    /// <summary>1.1: 1–8 meters (<see cref="MaxArchiveMeters"/>) added to or removed from a concentrator.</summary>
    public Task<ArchiveReply> ArchiveAsync(ArchiveMode mode, string concentrator, IReadOnlyList<string> meters, CancellationToken ct)
    {
        DeviceNumberOf(concentrator, "Concentrator");
        foreach (var meter in meters)
        {
            DeviceNumberOf(meter, "Meters");
        }

        return CallAsync(() => client.ArchiveAsync(mode, concentrator, meters, ct));
    }

    /// <summary>1.2: the vendor's reading of a concentrator's archive message.</summary>
    public Task<string> ArchiveResultAsync(string message, CancellationToken ct) =>
        CallAsync(() => client.ParseArchiveResultAsync(message, ct));

    private static void DeviceNumberOf(string text, string field)
    {
        if (!DeviceNumber.IsValid(text))
        {
            throw ContractError.BadParameter(field, DeviceNumber.Expectation(text));
        }
    }

    private async Task CallAsync(Func<Task> call) => await CallAsync(async () =>
    {
        await call();
        return true;
    });

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        if (options.Value.BaseUrl is null)
        {
            throw new ContractError(ErrNo.Unknown, "未知错误: the vendor is not configured (Energy:Vendor:BaseUrl)");
        }

        try
        {
            return await call();
        }
        catch (VendorRefusedException e)
        {
            throw ContractError.DataError($"the vendor refused the request: {e.Code} {e.VendorMessage}".TrimEnd());
        }
        catch (VendorUnavailableException e)
        {
            throw new ContractError(ErrNo.Unknown, $"未知错误: {e.Message}; nothing was changed, try again later");
        }
    }
}
