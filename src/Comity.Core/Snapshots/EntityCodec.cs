using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Comity.Core.Model;

namespace Comity.Core.Snapshots;

/// <summary>The binary form of an <see cref="Entity"/> in a corpus snapshot: every property, in declaration order;
/// codes, countries, programmes and other repeating values pooled, free text inline.</summary>
/// <remarks>A property added to <see cref="Entity"/> (or to a record it holds) must be added here too: the snapshot
/// round-trip test compares every property of every entity of the default corpus, read back, with the original.</remarks>
public static class EntityCodec
{
    public static void Write(SnapshotWriter w, Entity e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteString(e.Id);
        w.WritePooled(e.Source);
        w.WriteString(e.SourceId);
        w.WriteByte((byte)e.Schema);
        Array(w, e.Names, static (w, n) =>
        {
            w.WriteString(n.Full);
            w.WriteByte((byte)n.Kind);
            w.WriteBool(n.Parts is not null);
            if (n.Parts is { } p)
            {
                w.WritePooled(p.Given);
                w.WritePooled(p.Middle);
                w.WritePooled(p.Family);
                w.WritePooled(p.Patronymic);
                w.WritePooled(p.Title);
            }

            w.WritePooled(n.Language);
        });
        Array(w, e.BirthDates, static (w, d) =>
        {
            Date(w, d.From);
            w.WriteBool(d.To is not null);
            if (d.To is { } to)
            {
                Date(w, to);
            }

            w.WriteBool(d.Circa);
            w.WriteByte((byte)d.Calendar);
            w.WriteString(d.Raw);
        });
        Array(w, e.BirthPlaces, static (w, p) =>
        {
            w.WriteString(p.Text);
            w.WritePooled(p.Country);
        });
        Array(w, e.Nationalities, static (w, s) => w.WritePooled(s));
        Array(w, e.Citizenships, static (w, s) => w.WritePooled(s));
        w.WriteByte((byte)e.Gender);
        Array(w, e.Addresses, static (w, a) =>
        {
            w.WriteString(a.Full);
            w.WriteString(a.Street);
            w.WritePooled(a.City);
            w.WritePooled(a.Region);
            w.WriteString(a.PostalCode);
            w.WritePooled(a.Country);
        });
        Array(w, e.Identifiers, static (w, i) =>
        {
            w.WriteByte((byte)i.Type);
            w.WriteString(i.Value);
            w.WritePooled(i.Country);
            w.WritePooled(i.Note);
        });
        Array(w, e.Programs, static (w, s) => w.WritePooled(s));
        Array(w, e.Topics, static (w, s) => w.WritePooled(s));
        w.WriteBool(e.ListedOn is not null);
        if (e.ListedOn is { } listed)
        {
            Date(w, listed);
        }

        Array(w, e.Titles, static (w, s) => w.WritePooled(s));
        w.WriteString(e.Remarks);
        Array(w, e.CrossReferences, static (w, x) =>
        {
            w.WritePooled(x.Scheme);
            w.WriteString(x.Value);
        });
        Array(w, e.Properties, static (w, p) =>
        {
            w.WritePooled(p.Name);
            if (p.Value.Length <= 24)
            {
                w.WritePooled(p.Value);
            }
            else
            {
                w.WriteString(p.Value);
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Entity Read(SnapshotReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var id = r.ReadRequiredString();
        var source = r.ReadRequiredString();
        var sourceId = r.ReadRequiredString();
        var schema = Checked((Schema)r.ReadByte());
        var names = Array(r, static r =>
        {
            var full = r.ReadRequiredString();
            var kind = Checked((NameKind)r.ReadByte());
            var parts = r.ReadBool() ? new NameParts(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString()) : null;
            return new EntityName(full, kind, parts, r.ReadString());
        });
        var birthDates = Array(r, static r =>
        {
            var from = Date(r);
            PartialDate? to = r.ReadBool() ? Date(r) : null;
            return new FuzzyDate(from, to, r.ReadBool(), Checked((CalendarKind)r.ReadByte()), r.ReadString());
        });
        var birthPlaces = Array(r, static r => new Place(r.ReadRequiredString(), r.ReadString()));
        var nationalities = Array(r, static r => r.ReadRequiredString());
        var citizenships = Array(r, static r => r.ReadRequiredString());
        var gender = Checked((Gender)r.ReadByte());
        var addresses = Array(r, static r => new Address(r.ReadRequiredString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString()));
        var identifiers = Array(r, static r => new Identifier(Checked((IdentifierType)r.ReadByte()), r.ReadRequiredString(), r.ReadString(), r.ReadString()));
        var programs = Array(r, static r => r.ReadRequiredString());
        var topics = Array(r, static r => r.ReadRequiredString());
        PartialDate? listedOn = r.ReadBool() ? Date(r) : null;
        var titles = Array(r, static r => r.ReadRequiredString());
        var remarks = r.ReadString();
        var crossReferences = Array(r, static r => new CrossReference(r.ReadRequiredString(), r.ReadRequiredString()));
        var properties = Array(r, static r => new EntityProperty(r.ReadRequiredString(), r.ReadRequiredString()));
        return new Entity
        {
            Id = id,
            Source = source,
            SourceId = sourceId,
            Schema = schema,
            Names = names,
            BirthDates = birthDates,
            BirthPlaces = birthPlaces,
            Nationalities = nationalities,
            Citizenships = citizenships,
            Gender = gender,
            Addresses = addresses,
            Identifiers = identifiers,
            Programs = programs,
            Topics = topics,
            ListedOn = listedOn,
            Titles = titles,
            Remarks = remarks,
            CrossReferences = crossReferences,
            Properties = properties,
        };
    }

    private static void Date(SnapshotWriter w, PartialDate d)
    {
        w.WriteInt(d.Year);
        w.WriteInt(d.Month);
        w.WriteInt(d.Day);
    }

    private static PartialDate Date(SnapshotReader r) => new(r.ReadInt(), r.ReadInt(), r.ReadInt());

    private static void Array<T>(SnapshotWriter w, ImmutableArray<T> items, Action<SnapshotWriter, T> write)
    {
        if (items.IsDefault)
        {
            w.WriteCount(0);
            w.WriteBool(true);
            return;
        }

        w.WriteCount(items.Length);
        if (items.Length == 0)
        {
            w.WriteBool(false);
        }

        foreach (var item in items)
        {
            write(w, item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<T> Array<T>(SnapshotReader r, Func<SnapshotReader, T> read)
    {
        var n = r.ReadLength();
        if (n == 0)
        {
            return r.ReadBool() ? default : [];
        }

        var items = new T[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = read(r);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    private static TEnum Checked<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        System.Enum.IsDefined(value) ? value : throw SnapshotReader.Corrupt($"bad {typeof(TEnum).Name} {value}");
}
