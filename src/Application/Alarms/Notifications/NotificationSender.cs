using System.Net.Http.Json;
using System.Net.Mail;
using System.Text;
using Energy.Domain.Alarms;

namespace Energy.Application.Alarms.Notifications;


/// <summary>
/// Delivers through the configured gateways: email over SMTP (Message-ID = the dedupe key), SMS and WeChat as
/// POST JSON <c>{to, text}</c> with an <c>Idempotency-Key</c> header. Throws when the gateway refuses.
/// </summary>
public sealed class NotificationSender(IHttpClientFactory httpClients, NotificationOptions options)
{
    public Task SendAsync(Notification notification, CancellationToken ct) => notification.Channel switch
    {
        NotifyChannel.Email => EmailAsync(notification, ct),
        NotifyChannel.Sms => PostAsync(options.SmsUrl, "Energy:Notify:Sms:Url", notification, ct),
        NotifyChannel.WeChat => PostAsync(options.WeChatUrl, "Energy:Notify:WeChat:Url", notification, ct),
        _ => Task.CompletedTask,
    };

    private async Task EmailAsync(Notification notification, CancellationToken ct)
    {
        var host = options.SmtpHost ?? throw new InvalidOperationException("Energy:Notify:Smtp:Host is not configured");
        using var message = new MailMessage(options.SmtpFrom, notification.Address)
        {
            Subject = notification.Subject,
            Body = notification.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.Headers.Add("Message-ID", $"<{notification.DedupeKey}@energy.eventsourced>");
        using var smtp = new SmtpClient(host, options.SmtpPort) { Timeout = (int)options.SendTimeout.TotalMilliseconds };
        await smtp.SendMailAsync(message, ct);
    }

    private async Task PostAsync(Uri? url, string setting, Notification notification, CancellationToken ct)
    {
        var target = url ?? throw new InvalidOperationException($"{setting} is not configured");
        using var client = httpClients.CreateClient(nameof(NotificationSender));
        client.Timeout = options.SendTimeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = JsonContent.Create(new { to = notification.Address, text = $"{notification.Subject} {notification.Body}" }),
        };
        request.Headers.Add("Idempotency-Key", notification.DedupeKey);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"gateway answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
