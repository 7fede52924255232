using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Warta.Server;

/// <summary>
/// Lets at most <see cref="WartaServerOptions.MaxConcurrentRequests"/> requests work at once; the others wait in arrival
/// order, and past <see cref="WartaServerOptions.MaxQueuedRequests"/> waiting a request is answered 503. Health,
/// metrics and streamed exports (which may run for minutes) pass without a turn.
/// </summary>
internal sealed class AdmissionLimit : IDisposable
{
    private readonly ConcurrencyLimiter? _limiter;

    public AdmissionLimit(WartaServerOptions options)
    {
        if (options.MaxConcurrentRequests > 0)
        {
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.MaxConcurrentRequests,
                QueueLimit = options.MaxQueuedRequests,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_limiter is null || Exempt(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client left while waiting: nobody to answer
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new ApiError("the server is busy: too many requests are waiting; retry in a moment")).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
    }

    public void Dispose() => _limiter?.Dispose();

    private static bool Exempt(HttpRequest request) =>
        request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase)
        || request.Query["format"].ToString() is "jsonl" or "csv";
}
