using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Warta.Search;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed in 2 KB chunks instead of 16 KB. Every search hit reads its
/// document's stored fields (title, outlet, the text its snippet is cut from), and a chunk is decompressed from its
/// start up to the hit: with 16 KB chunks about three articles' worth per hit, with 2 KB an article of 2 KB or more
/// sits alone in its chunk and decompresses only itself (search CPU −10–20% on the 100k-article load index, stored
/// fields +14% on disk: each article is compressed without its neighbours' words). A chunk size of 1 was tried and
/// tripled the stored fields. Segments written by the plain Lucene46 codec stay readable and are rewritten as merges
/// touch them.
/// </summary>
[CodecName(RegisteredName)]
internal sealed class WartaCodec : FilterCodec
{
    public const string RegisteredName = "Warta46";

    private static readonly StoredFieldsFormat SmallChunks = new CompressingStoredFieldsFormat("WartaStoredFields", Lz4InPlaceMode.Instance, 2048);

    public WartaCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => SmallChunks;

    /// <summary>Lets Lucene find this codec by the name segments record (once per process, before any index opens).</summary>
    public static void Register() => _ = Registration.Value;

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(WartaCodec)] });
        return true;
    });
}
