using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Energy.Application.Vendor;

/// <summary>
/// How every outbound call to the vendor is made: a limit per attempt, retries with backoff for transient
/// failures (connection errors, timeouts, 5xx, 408, 429), and a limit on the whole call so a user's request
/// never hangs on a slow vendor. Business refusals (HTTP 200 with a code) are answers, never retried.
/// </summary>
public sealed class VendorResilience
{
    public VendorResilience(IOptions<VendorOptions> options)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(o.Timeout);
        if (o.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.Retries,
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        Pipeline = builder.AddTimeout(o.AttemptTimeout).Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Sends a request made fresh for every attempt; failures after the retries become <see cref="VendorUnavailableException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        try
        {
            var response = await Pipeline.ExecuteAsync(async token => await http.SendAsync(request(), token), ct);
            if ((int)response.StatusCode >= 500)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new VendorUnavailableException($"the vendor answered HTTP {status}");
            }

            return response;
        }
        catch (TimeoutRejectedException e)
        {
            throw new VendorUnavailableException("the vendor did not answer in time", e);
        }
        catch (HttpRequestException e)
        {
            throw new VendorUnavailableException("the vendor could not be reached", e);
        }
    }
}
