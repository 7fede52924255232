namespace Warta.Ingest;

/// <summary>A stream read once from start to end: no seeking, no length, no writing; subclasses provide <see cref="Stream.Read(Span{byte})"/>.</summary>
internal abstract class ReadOnlyForwardStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream that first replays bytes already read for sniffing, then continues with the rest.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ReadOnlyForwardStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }
}

/// <summary>Counts the bytes read through it and stops (reads as end of data) at a limit: a gzip-bomb guard.</summary>
internal sealed class CountingStream(Stream inner, long limit) : ReadOnlyForwardStream
{
    public long Count { get; private set; }

    public bool LimitReached { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var allowed = (int)Math.Min(buffer.Length, limit - Count);
        if (allowed <= 0)
        {
            LimitReached = true;
            return 0;
        }

        var n = inner.Read(buffer[..allowed]);
        Count += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// The ISIZE field at the end of a gzip file (the uncompressed length mod 2^32). .NET's GZipStream ends quietly on
/// a truncated file, so the reader compares this with what it decompressed to tell a cut file from a whole one.
/// For a multi-member file it is the last member's size only, so the check is skipped for WARC (whose records are
/// members and whose own lengths catch a cut).
/// </summary>
internal readonly record struct GzipTrailer(uint Size)
{
    public static GzipTrailer? Read(FileStream file)
    {
        if (file.Length < 18)
        {
            return null;
        }

        var position = file.Position;
        Span<byte> size = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(size);
        file.Position = position;
        return new GzipTrailer(BitConverter.ToUInt32(size));
    }
}
