using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Energy.Http.Tests.Support;

/// <summary>Starting states reached through the API, as a client would.</summary>
public static class Scenarios
{
    public const string AdminName = "admin";
    public const string Password = "correct horse battery";

    /// <summary>A client logged in as the administrator (registered on first use: the bootstrap user).</summary>
    public static async Task<HttpClient> AdminClientAsync(this EnergyHost host)
    {
        var anonymous = host.CreateClient();
        await anonymous.PostAsJsonAsync("/api/users", new Dictionary<string, string>
        {
            ["Usr_Name"] = AdminName, ["Usr_Email"] = "admin@example.com", ["Usr_Password"] = Password,
        });
        return await host.LoggedInClientAsync(AdminName, Password);
    }

    /// <summary>A client logged in as a non-administrator, registered by the administrator.</summary>
    public static async Task<HttpClient> UserClientAsync(this EnergyHost host, string name)
    {
        var admin = await host.AdminClientAsync();
        var registered = await admin.PostAsJsonAsync("/api/users", new Dictionary<string, string>
        {
            ["Usr_Name"] = name, ["Usr_Email"] = name + "@example.com", ["Usr_Password"] = Password,
        });
        var body = await registered.Content.ReadAsStringAsync();
        if (!body.Contains("\"Err_No\":\"0\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Registering {name} failed: {body}");
        }

        return await host.LoggedInClientAsync(name, Password);
    }

    /// <summary>Logs in and returns a client carrying the bearer token.</summary>
    public static async Task<HttpClient> LoggedInClientAsync(this EnergyHost host, string name, string password)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth", new Dictionary<string, string> { ["Usr_Name"] = name, ["Usr_Password"] = password });
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        var token = body.RootElement.TryGetProperty("Data", out var data)
            ? data[0].GetProperty("Token").GetString()
            : throw new InvalidOperationException($"Logging in as {name} failed: {text}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
