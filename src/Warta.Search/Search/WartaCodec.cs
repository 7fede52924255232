using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Warta.Search;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed one document at a time. Every search hit reads its document's
/// stored fields (title, outlet, the text its snippet is cut from); the default format compresses documents together
/// in 16 KB chunks and decompresses a chunk from its start up to the hit, about four times an article's size per hit
/// (a fifth of a search's CPU on the 100k-article load index). Alone in its chunk, an article decompresses only
/// itself; the index grows by a few percent (each article is compressed without its neighbours' words).
/// Segments written by the plain Lucene46 codec stay readable and are rewritten as merges touch them.
/// </summary>
[CodecName(RegisteredName)]
internal sealed class WartaCodec : FilterCodec
{
    public const string RegisteredName = "Warta46";

    private static readonly StoredFieldsFormat OnePerChunk = new CompressingStoredFieldsFormat("WartaStoredFields", CompressionMode.FAST, 2048);

    public WartaCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => OnePerChunk;

    /// <summary>Lets Lucene find this codec by the name segments record (once per process, before any index opens).</summary>
    public static void Register() => _ = Registration.Value;

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(WartaCodec)] });
        return true;
    });
}
