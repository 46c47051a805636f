global using Comity.Application.Corpus;
