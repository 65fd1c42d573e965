using Energy.Domain.Alarms;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;

namespace Energy.Http.Tests.Alarms;

public sealed class NotificationTests
{
    [Fact]
    public async Task An_email_alarm_reaches_the_smtp_server_once_even_when_the_host_restarts_mid_delivery()
    {
        await using var smtp = new FakeSmtp();
        var settings = new Dictionary<string, string>
        {
            ["Energy:Notify:Smtp:Host"] = "127.0.0.1", ["Energy:Notify:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Energy:Notify:Smtp:From"] = "energy@example.com",
        };
        const string device = "111800000931";
        string database;
        var t0 = AlarmCalls.PlantMinuteNow().AddMinutes(1);
        await using (var first = new AlarmHost(settings: settings))
        {
            database = first.Database;
            var client = await first.AdminClientAsync();
            var meter = await client.MeterOnDeviceAsync("电表mail", device);
            var alarm = await client.AlarmAsync("电压越限", type: 2, level: 3, notify: 3, address: "ops@example.com");
            await client.RuleAsync("A相电压", alarm, meter, 200, 250, "UA");
            smtp.Stall();
            await first.PushAsync(device, t0, ua: 260);

            // Reading → alarm reactor → outbox reactor → worker poll: bounded generously, since a loaded
            // 2-core machine can take many seconds for the three hops (this is a wait, not a timing claim).
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (smtp.Connections == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            smtp.Connections.ShouldBe(1);
        }

        smtp.Release();
        await using var second = new AlarmHost(database, settings);
        var again = await second.LoggedInClientAsync(Scenarios.AdminName, Scenarios.Password);
        var delivered = await again.RecordsAsync(a => a.Count() == 1 && a.Row().GetProperty("Notify_State").GetString() == "delivered");

        delivered.Row().GetProperty("Notify_State").GetString().ShouldBe("delivered");
        await Task.Delay(1000);
        smtp.Messages.Count.ShouldBe(1);
        smtp.Messages.Single().ShouldContain("Message-ID: <alarm-record-");
        (await second.Services.EventsAsync(nameof(NotificationDelivered))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_gateway_that_fails_twice_is_retried_and_the_record_shows_the_final_state()
    {
        await using var gateway = await FakeGateway.StartAsync();
        gateway.FailFirst = 2;
        await using var host = new AlarmHost(settings: new Dictionary<string, string> { ["Energy:Notify:Sms:Url"] = gateway.Url.AbsoluteUri });
        var client = await host.AdminClientAsync();
        const string device = "111800000932";
        var meter = await client.MeterOnDeviceAsync("电表sms", device);
        var alarm = await client.AlarmAsync("电压越限", type: 2, level: 2, notify: 2, address: "13800000000");
        await client.RuleAsync("A相电压", alarm, meter, 200, 250, "UA");

        await host.PushAsync(device, AlarmCalls.PlantMinuteNow().AddMinutes(1), ua: 190);
        var delivered = await client.RecordsAsync(a => a.Count() == 1 && a.Row().GetProperty("Notify_State").GetString() == "delivered");

        var record = delivered.Row();
        (record.GetProperty("Notify_State").GetString(), record.GetProperty("Notify_Attempts").GetInt32()).ShouldBe(("delivered", 3));
        gateway.Calls.ShouldBe(3);
        var (body, key) = gateway.Received.Single();
        body.GetProperty("to").GetString().ShouldBe("13800000000");
        body.GetProperty("text").GetString()!.ShouldContain("UA = 190");
        key.ShouldBe($"alarm-record-{record.GetProperty("id").GetInt64()}");
        (await host.Services.EventsAsync(nameof(NotificationFailed))).Count.ShouldBe(2);
        // Carried by Wolverine's durable queue: its inbox holds the one envelope, handled.
        (await host.ScalarAsync("SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE message_type LIKE '%.Notification' AND status = 'Handled'")).ShouldBe(1);
    }

    [Fact]
    public async Task Undelivered_rows_of_the_old_outbox_table_are_handed_to_wolverine_once_and_the_table_goes()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var database = await Energy.Testing.PostgresCluster.CreateDatabaseAsync("http");
        await using (var conn = new Npgsql.NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("""
                CREATE TABLE alarm_outbox (record_id bigint PRIMARY KEY, channel int NOT NULL, address text NOT NULL, subject text NOT NULL,
                    body text NOT NULL, state text NOT NULL DEFAULT 'pending', attempts int NOT NULL DEFAULT 0,
                    next_attempt_at timestamptz NOT NULL DEFAULT now(), claimed_until timestamptz, last_error text NOT NULL DEFAULT '');
                INSERT INTO alarm_outbox (record_id, channel, address, subject, body, state, attempts) VALUES
                    (41, 2, '13800000041', '[警告] 电压越限', 'UA = 190', 'pending', 2),
                    (42, 2, '13800000042', '[警告] 电压越限', 'UA = 191', 'delivered', 1);
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var settings = new Dictionary<string, string> { ["Energy:Notify:Sms:Url"] = gateway.Url.AbsoluteUri };
        await using (var host = new AlarmHost(database, settings))
        {
            _ = host.Services;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await host.Services.EventsAsync(nameof(NotificationDelivered))).Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            (await host.ScalarAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'alarm_outbox'")).ShouldBe(0);
        }

        await using (var again = new AlarmHost(database, settings))
        {
            _ = again.Services;
            await Task.Delay(1000);
            (await again.Services.EventsAsync(nameof(NotificationDelivered))).Count.ShouldBe(1);
        }

        var (body, key) = gateway.Received.Single();
        (body.GetProperty("to").GetString(), key).ShouldBe(("13800000041", "alarm-record-41"));
    }
}
