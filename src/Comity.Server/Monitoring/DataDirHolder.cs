using Comity.Application.Lists;

namespace Comity.Server.Monitoring;

/// <summary>The server's data dir of downloaded list versions, when it has one (<c>--data-dir</c>).</summary>
internal sealed record DataDirHolder(ListStore? Store);
