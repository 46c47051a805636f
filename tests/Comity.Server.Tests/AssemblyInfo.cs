[assembly: AssemblyFixture(typeof(Comity.Server.Tests.Support.SharedServer))]
