using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Warta.Server.Tests.Api;

/// <summary>The admission limit: requests beyond the concurrent limit wait their turn, past the queue they get 503.</summary>
public sealed class AdmissionTests
{
    private const string Key = "admission-test-key-0123";

    [Fact]
    public async Task Requests_beyond_the_limit_wait_their_turn_and_all_succeed()
    {
        await using var server = WartaServer.Build(new WartaServerOptions { Port = 0, ApiKey = Key, MaxConcurrentRequests = 1 });
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Address) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => http.GetAsync(i % 2 == 0 ? "/api/search?q=banjir" : "/")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task With_no_room_to_wait_a_request_gets_503_while_another_holds_the_turn_and_health_still_answers()
    {
        await using var server = WartaServer.Build(new WartaServerOptions { Port = 0, ApiKey = Key, MaxConcurrentRequests = 1, MaxQueuedRequests = 0 });
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Address) };
        var body = new HeldBody(Encoding.UTF8.GetBytes("{\"kind\":\"text\",\"body\":\"Banjir melanda Jakarta\\n\\nHujan deras sejak Senin malam.\"}"));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = body };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        // The post holds the only turn while its body has not arrived.
        var posting = http.SendAsync(post);
        await body.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await WaitUntilBusy(http);
        using var busy = await http.GetAsync("/api/search?q=banjir");
        using var health = await http.GetAsync("/health");
        body.Release.SetResult();
        using var posted = await posting.WaitAsync(TimeSpan.FromSeconds(30));
        using var after = await http.GetAsync("/api/search?q=banjir");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("1", busy.Headers.RetryAfter?.ToString());
        Assert.Contains("busy", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>The held post is inside the server once a search is refused (the post's headers may arrive a little later).</summary>
    private static async Task WaitUntilBusy(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            using var probe = await http.GetAsync("/api/search?q=probe");
            if (probe.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>A request body that sends its first byte, then waits until released before the rest.</summary>
    private sealed class HeldBody(byte[] bytes) : HttpContent
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            Started.SetResult();
            await Release.Task;
            await stream.WriteAsync(bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
