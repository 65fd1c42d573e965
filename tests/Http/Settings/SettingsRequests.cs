using Energy.Http.Tests.Contract;

namespace Energy.Http.Tests.Settings;

internal static class SettingsRequests
{
    public static async Task<Answer> PutBody(this HttpClient client, string url, string json) =>
        await Answer.Of(await client.PutAsync(new Uri(url, UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json")));

    public static string Periods(string ys, string ye, string ms, string me, string ds, string de) =>
        $$"""{"Year_Start":"{{ys}}","Year_End":"{{ye}}","Month_Start":"{{ms}}","Month_End":"{{me}}","Day_Start":"{{ds}}","Day_End":"{{de}}"}""";
}
