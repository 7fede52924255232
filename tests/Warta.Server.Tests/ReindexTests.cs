using System.Text;
using Warta.Model;
using Warta.Search;

namespace Warta.Server.Tests;

public sealed class ReindexTests
{
    [Fact]
    public async Task Server_rebuilds_a_missing_index_from_the_stored_articles_and_reindex_does_it_on_demand()
    {
        var dir = Path.Combine(Path.GetTempPath(), "warta-reindex-" + Guid.NewGuid().ToString("N"));
        try
        {
            var server = WartaServer.Build(new WartaServerOptions { DataDirectory = dir, Port = 0, ApiKey = "reindex-test-key-0123" });
            await using (server)
            {
                var body = "Gempa di Cianjur\n\nGempa mengguncang Cianjur pada Senin.";
                server.Ingest(new RawInput { Source = "t", Kind = InputKind.Text, Raw = Encoding.UTF8.GetBytes(body), Body = body, Language = "id" });
            }

            Directory.Delete(Path.Combine(dir, "index"), true);
            server = WartaServer.Build(new WartaServerOptions { DataDirectory = dir, Port = 0, ApiKey = "reindex-test-key-0123" });
            await using (server)
            {
                Assert.Equal(1, server.Index.Search(new SearchQuery { Text = "cianjur" }).Total);
            }

            Assert.Equal(1, WartaServer.Reindex(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
