using System.Text.Json.Nodes;
using Energy.Application.Energy;
using Energy.Http.Tests.Contract;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using Energy.Http.Tests.Vendor.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Energy.Http.Tests.Consumption;

/// <summary>The service with the vendor's secrets (signed pushes) and reports in a temporary folder.</summary>
public sealed class EnergyQueryHost : EnergyHost
{
    public string ReportDirectory { get; } = Path.Combine(Path.GetTempPath(), "energy-reports-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Energy:Vendor:Username", VendorHost.Username);
        builder.UseSetting("Energy:Vendor:Password", VendorHost.Password);
        builder.UseSetting("Energy:Vendor:SecretKey", VendorHost.SecretKey);
        builder.UseSetting("Energy:Reports:Directory", ReportDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(ReportDirectory))
        {
            Directory.Delete(ReportDirectory, recursive: true);
        }
    }

    /// <summary>One signed push of EP readings of a device, as the collector sends them (wall-clock times → kWh).</summary>
    public async Task PushAsync(string device, params (string At, decimal Kwh)[] readings)
    {
        var dataId = Guid.NewGuid().ToString("N");
        var push = Pushes.Push(device, dataId, readings.Select(r => (JsonNode)Pushes.Reading(r.At, r.Kwh)).ToArray());
        var response = await CreateClient().PostJsonAsync("/api/bbi/push", push);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Bounded wait until the energy projection has applied every event appended so far.</summary>
    public async Task<long> EnergyCaughtUpAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(max(seq_id), 0) FROM mt_events", conn);
        var last = (long)(await cmd.ExecuteScalarAsync())!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        using var scope = Services.CreateScope();
        var reader = scope.ServiceProvider.GetRequiredService<IConsumptionReader>();
        while (true)
        {
            var applied = await reader.CurrentSequenceAsync();
            if (applied >= last)
            {
                return applied;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The energy projection is at {applied}, events go up to {last}");
            }

            await Task.Delay(25);
        }
    }
}

/// <summary>Energy queries as a client makes them.</summary>
public static class EnergyCalls
{
    public static async Task<long> MeterAsync(this HttpClient client, long machineId, string name, string extra, string type = "\"0\"") =>
        await client.CreateMeterAsync(name, machineId, extra, type);

    /// <summary>A GET of 3.1/3.2 with the query parameters given as pairs.</summary>
    public static Task<Answer> QueryAsync(this HttpClient client, string endpoint, params (string Name, string Value)[] parameters) =>
        client.GetAnswer($"/api_3/{endpoint}?" + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}")));

    /// <summary>Time → Total_Amount of a 3.2 answer's rows for one meter name.</summary>
    public static Dictionary<string, string> Points(this Answer answer, string meterName = "")
    {
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Rows().Where(r => r.Text("Meter_Name") == meterName).ToDictionary(r => r.Text("Time"), r => r.Text("Total_Amount"));
    }

    /// <summary>The one row of a 3.1 answer with these names.</summary>
    public static string Total(this Answer answer, string meter = "", string machine = "", string energyType = "0", string department = "")
    {
        answer.ErrNo.ShouldBe("0", answer.Body);
        return answer.Rows().Single(r => r.Text("Meter_Name") == meter && r.Text("Meter_Superior") == machine
            && r.Text("Ene_Type") == energyType && r.Text("Meter_Department") == department).Text("Total_Amount");
    }
}
