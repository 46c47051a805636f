using System.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Ca;
using Comity.Sources.Ftm;
using Comity.Sources.OfacAdvanced;
using Comity.Sources.OfacEnhanced;

namespace Comity.Sources.Tests.Common;

/// <summary>Truncated, hostile and garbage input for the XML and JSON readers: each must throw
/// <see cref="ListFormatException"/> naming the file, never hang, resolve entities or crash otherwise.</summary>
public class HostileInputTests
{
    private const string Xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE data-set [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <data-set><record><Country>&xxe;</Country><LastName>X</LastName></record></data-set>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <sanctionsData><entities><entity id="1">&lol4;</entity></entities></sanctionsData>
        """;

    public static TheoryData<string> Readers => ["sema", "enhanced", "advanced", "ftm"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Empty_file_throws(string reader) => AssertThrows(reader, []);

    [Theory]
    [MemberData(nameof(Readers))]
    public void Binary_garbage_throws(string reader)
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;
        AssertThrows(reader, bytes);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Xxe_payload_throws(string reader) => AssertThrows(reader, Encoding.UTF8.GetBytes(Xxe));

    [Theory]
    [MemberData(nameof(Readers))]
    public void Billion_laughs_payload_throws(string reader) => AssertThrows(reader, Encoding.UTF8.GetBytes(BillionLaughs));

    [Theory]
    [InlineData("sema", "<data-set><record><Country>Iran</Country><LastName>Tru")]
    [InlineData("enhanced", "<sanctionsData><entities><entity id=\"1\"><names><name")]
    [InlineData("advanced", "<Sanctions xmlns=\"http://www.un.org/sanctions/1.0\"><DistinctParties><DistinctParty FixedRef=\"1\"><Profile")]
    [InlineData("ftm", "[{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A")]
    public void Truncated_file_throws(string reader, string text) => AssertThrows(reader, Encoding.UTF8.GetBytes(text));

    internal static IListReader Create(string reader) => reader switch
    {
        "sema" => new SemaXmlReader(),
        "enhanced" => new OfacEnhancedXmlReader(),
        "advanced" => new OfacAdvancedXmlReader(),
        "ftm" => new FtmJsonReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(reader)),
    };

    private static void AssertThrows(string reader, byte[] content)
    {
        using var f = new TempFile(content, ".dat");
        var ex = Assert.Throws<ListFormatException>(() => Create(reader).Load(f.Probe));
        Assert.Equal(Path.GetFileName(f.FilePath), ex.File);
        Assert.Contains("line", ex.Location, StringComparison.Ordinal);
    }
}
