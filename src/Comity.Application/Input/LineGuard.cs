namespace Comity.Application.Input;

/// <summary>Passes a CSV through line by line and blanks every line whose quotes do not balance (an unterminated
/// quote), recording it by line number, so the CSV parser behind it resynchronises at the next line instead of
/// reading the rest of the file as one quoted field. Line numbers are kept: the blanked line is still a line.</summary>
internal sealed class LineGuard(TextReader inner) : TextReader
{
    private string _pending = string.Empty;
    private int _pos;
    private int _line;
    private bool _done;

    /// <summary>Blanked lines (1-based) and why.</summary>
    public Dictionary<int, string> Malformed { get; } = [];

    public override int Peek() => Fill() ? _pending[_pos] : -1;

    public override int Read() => Fill() ? _pending[_pos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length && Fill())
        {
            var n = Math.Min(buffer.Length - written, _pending.Length - _pos);
            _pending.AsSpan(_pos, n).CopyTo(buffer[written..]);
            _pos += n;
            written += n;
        }

        return written;
    }

    private bool Fill()
    {
        if (_pos < _pending.Length)
        {
            return true;
        }

        if (_done)
        {
            return false;
        }

        var line = inner.ReadLine();
        if (line is null)
        {
            _done = true;
            return false;
        }

        _line++;
        if (line.AsSpan().Count('"') % 2 != 0)
        {
            Malformed[_line] = "unterminated quote";
            line = string.Empty;
        }

        _pending = line + "\n";
        _pos = 0;
        return true;
    }
}
