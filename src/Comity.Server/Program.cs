namespace Comity.Server;

internal static class Program
{
    public static Task<int> Main(string[] args) => ComityServer.RunAsync(args);
}
