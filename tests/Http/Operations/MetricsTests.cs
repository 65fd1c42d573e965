using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Energy.Domain.Users;
using Energy.Application.EventStore;
using Energy.Http.Operations;
using Energy.Http.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Operations;

public sealed class MetricsTests
{
    /// <summary>Listens to this host's meters only (tests run in parallel, each host has its own meter factory).</summary>
    private static MeterListener Listen(OpsHost host, ConcurrentQueue<(string Instrument, double Value, string? Tag)> seen)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument i, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            seen.Enqueue((i.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }

    [Fact]
    public async Task An_append_counts_its_events_and_an_error_envelope_counts_its_err_no()
    {
        using var host = new OpsHost();
        var client = host.CreateClient();
        var seen = new ConcurrentQueue<(string Instrument, double Value, string? Tag)>();
        using var listener = Listen(host, seen);

        await host.Store.AppendAsync(AppendRequest.To("user-77", ExpectedVersion.Any, [
            new SessionEnded(77, Guid.NewGuid(), DateTimeOffset.UtcNow), new SessionEnded(77, Guid.NewGuid(), DateTimeOffset.UtcNow)]));
        (await client.GetAnswer("/api_3/no/such/route")).ErrNo.ShouldBe("4002");

        seen.Where(m => m.Instrument == EventStoreMetrics.EventsAppended).Sum(m => m.Value).ShouldBe(2);
        seen.ShouldContain(m => m.Instrument == EnergyMetrics.Errors && m.Tag == "4002" && m.Value == 1);
    }

    [Fact]
    public async Task The_lag_gauge_reports_each_processor_this_host_leads()
    {
        using var host = new OpsHost();
        host.CreateClient();
        await host.Store.AppendAsync(AppendRequest.To("user-78", ExpectedVersion.Any, [new SessionEnded(78, Guid.NewGuid(), DateTimeOffset.UtcNow)]));
        await host.CatchUpAsync(RegistrationNotes.ProjectionName);
        var seen = new ConcurrentQueue<(string Instrument, double Value, string? Tag)>();
        using var listener = Listen(host, seen);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!seen.Any(m => m.Instrument == EventStoreMetrics.ProjectionLag && m.Tag == RegistrationNotes.ProjectionName && m.Value == 0)
            && DateTime.UtcNow < deadline)
        {
            listener.RecordObservableInstruments();
            await Task.Delay(50);
        }

        seen.ShouldContain(m => m.Instrument == EventStoreMetrics.ProjectionLag && m.Tag == RegistrationNotes.ProjectionName && m.Value == 0);
    }
}
