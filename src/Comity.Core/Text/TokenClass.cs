namespace Comity.Core.Text;

/// <summary>What a normalised name token is; drives its weight and how it may be aligned.</summary>
internal enum TokenClass : byte
{
    /// <summary>An ordinary name word.</summary>
    Word,

    /// <summary>A single letter (an initial).</summary>
    Initial,

    /// <summary>A token containing digits.</summary>
    Number,

    /// <summary>A canonical legal form (<c>llc</c>, <c>jsc</c>, <c>ag</c>...).</summary>
    LegalForm,

    /// <summary>A name particle (<c>al</c>, <c>bin</c>, <c>van</c>, <c>de</c>...).</summary>
    Particle,

    /// <summary>A generic organisation word (<c>company</c>, <c>group</c>, <c>trading</c>...).</summary>
    Generic,

    /// <summary>A function word (<c>and</c>, <c>of</c>, <c>the</c>).</summary>
    Stopword,

    /// <summary>A patronymic (<c>viktorovich</c>, <c>ivanovna</c>, <c>oglu</c>).</summary>
    Patronymic,
}
