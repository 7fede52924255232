namespace Warta.Language;

/// <summary>
/// The runs of letters of a text, lowercased into a caller's buffer, without allocating: what the word-level
/// language evidence (function words, Malayic markers) reads. Words longer than the buffer are skipped, since no
/// marker is that long.
/// </summary>
internal ref struct LowercaseWords
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;

    public LowercaseWords(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly LowercaseWords GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            while (_position < _text.Length && !char.IsLetter(_text[_position]))
                _position++;
            var start = _position;
            while (_position < _text.Length && char.IsLetter(_text[_position]))
                _position++;
            var length = _position - start;
            if (length == 0 || length > _buffer.Length)
                continue;
            for (var k = 0; k < length; k++)
                _buffer[k] = CaseFolding.ToLower(_text[start + k]);
            Current = _buffer[..length];
            return true;
        }

        return false;
    }
}
