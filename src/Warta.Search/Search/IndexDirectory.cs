using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Warta.Search;

/// <summary>
/// The index's files, read through memory maps of our own. A search reads postings, doc values and stored fields in
/// many small pieces; through NIOFSDirectory every 1 KB buffer refill was a locked seek, an fstat and a read system
/// call (a third of a search's CPU on the 100k-article load index, stored fields read from compound files being the
/// worst), and every clone of an input allocated its own buffer. Lucene.Net's MMapDirectory avoids the calls but
/// tracks every clone in a ConditionalWeakTable, which is slow under concurrent searches. Here a read is a pointer
/// access and a clone is a copy of a position. Writes go through <see cref="FSDirectory"/> unchanged.
/// </summary>
/// <remarks>
/// A mapping is released by the garbage collector once no input over it is reachable, never while one is: Lucene may
/// keep using clones of an input it has closed, and an unmapped page would crash the process instead of throwing.
/// The price is that a deleted file's disk space returns after the next full collection, not at once.
/// </remarks>
internal sealed class IndexDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = MappedFile.Open(Path.Combine(Directory.FullName, name));
        return new MappedIndexInput("MappedIndexInput(path=\"" + name + "\")", file, 0, file.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(name, MappedFile.Open(Path.Combine(Directory.FullName, name)));
    }

    /// <summary>The inputs of a compound file: slices of one shared mapping.</summary>
    private sealed class Slicer(string name, MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > file.Length)
            {
                throw new ArgumentException($"slice [{offset}, {offset + length}) is outside {name} ({file.Length} bytes)");
            }

            return new MappedIndexInput("MappedIndexInput(" + sliceDescription + " in path=\"" + name + "\")", file, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            // The mapping outlives the slicer while any slice is reachable; see MappedFile.
        }
    }
}

/// <summary>A read-only memory map of a whole file, unmapped by its finaliser when nothing can read it any more.</summary>
internal sealed unsafe class MappedFile
{
    private static readonly MappedFile Empty = new();

    private readonly MemoryMappedViewAccessor? _view;

    private MappedFile()
    {
    }

    private MappedFile(MemoryMappedViewAccessor view, byte* pointer, long length)
    {
        _view = view;
        Pointer = pointer;
        Length = length;
    }

    ~MappedFile()
    {
        // The view's own handle unmaps once this, the last reference it counts, is given back.
        _view?.SafeMemoryMappedViewHandle.ReleasePointer();
    }

    public byte* Pointer { get; }

    public long Length { get; }

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        var length = stream.Length;
        if (length == 0)
        {
            return Empty; // a zero-length file cannot be mapped, and has nothing to read
        }

        // The map stays valid after the file (and the MemoryMappedFile object) is closed; the view is what is kept.
        using var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        return new MappedFile(view, pointer + view.PointerOffset, length);
    }
}

/// <summary>
/// An <see cref="IndexInput"/> over a range of a <see cref="MappedFile"/>: bounds-checked pointer reads, Lucene's
/// big-endian integers and variable-length integers decoded in place. Clones share the map and keep it alive.
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly MappedFile _file; // referenced so the map outlives every input over it
    private readonly byte* _start;
    private readonly long _length;
    private long _position;

    public MappedIndexInput(string description, MappedFile file, long offset, long length)
        : base(description)
    {
        _file = file;
        _start = file.Pointer + offset;
        _length = length;
    }

    public override long Position => _position;

    public override long Length => _length;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"seek to {pos} is outside {this} ({_length} bytes)");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _length)
        {
            throw PastEnd(1);
        }

        return _start[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        ArgumentNullException.ThrowIfNull(b);
        new ReadOnlySpan<byte>(Take(len), len).CopyTo(b.AsSpan(offset, len));
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Take(2), 2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Take(4), 4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Take(8), 8));

    public override int ReadVInt32()
    {
        // Lucene's encoding: seven bits a byte, low bits first, at most five bytes.
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new IOException($"invalid variable-length int in {this}");
    }

    public override long ReadVInt64()
    {
        long result = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = ReadByte();
            result |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new IOException($"invalid variable-length long in {this}");
    }

    /// <summary>The bytes from the current position to the end (at most 2 GB), read in place; see <see cref="Advance"/>.</summary>
    internal ReadOnlySpan<byte> Remaining => new(_start + _position, (int)Math.Min(int.MaxValue, _length - _position));

    /// <summary>Moves past <paramref name="count"/> bytes read through <see cref="Remaining"/>.</summary>
    internal void Advance(int count) => Take(count);

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        Seek(_position + numBytes);
    }

    public override object Clone() => MemberwiseClone();

    protected override void Dispose(bool disposing)
    {
        // Nothing to close: the map goes with the last input that references it (see MappedFile).
    }

    private byte* Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _length - _position)
        {
            throw PastEnd(count);
        }

        var at = _start + _position;
        _position += count;
        return at;
    }

    private EndOfStreamException PastEnd(int count) => new($"read of {count} bytes past the end of {this} (position {_position} of {_length})");
}
