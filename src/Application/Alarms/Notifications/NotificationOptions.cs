using Microsoft.Extensions.Configuration;

namespace Energy.Application.Alarms.Notifications;

/// <summary>
/// <c>Energy:Notify</c>: SMTP for email (<c>Smtp:Host/Port/From</c>), HTTP gateways for SMS and WeChat
/// (<c>Sms:Url</c>, <c>WeChat:Url</c>, POST JSON <c>{to, text}</c>), and the retry policy (Wolverine's, see
/// <see cref="NotificationMessaging"/>).
/// </summary>
public sealed record NotificationOptions(
    string? SmtpHost, int SmtpPort, string SmtpFrom, Uri? SmsUrl, Uri? WeChatUrl,
    int MaxAttempts, TimeSpan RetryBackoff, TimeSpan SendTimeout)
{
    public static NotificationOptions From(IConfiguration configuration)
    {
        var notify = configuration.GetSection("Energy:Notify");
        return new NotificationOptions(
            notify["Smtp:Host"], notify.GetValue("Smtp:Port", 25), notify["Smtp:From"] ?? "energy@localhost",
            Url(notify["Sms:Url"]), Url(notify["WeChat:Url"]),
            notify.GetValue("MaxAttempts", 5), notify.GetValue("RetryBackoff", TimeSpan.FromSeconds(30)),
            notify.GetValue("SendTimeout", TimeSpan.FromSeconds(30)));
    }

    private static Uri? Url(string? text) => string.IsNullOrWhiteSpace(text) ? null : new Uri(text, UriKind.Absolute);
}
