namespace Warta.Tests.Linking;

/// <summary>The project's two seed documents, found in <c>shared/seeds</c> beside or above the checkout.</summary>
internal static class SeedFiles
{
    public static string Read(string prefix)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(seeds))
            {
                var file = Directory.GetFiles(seeds, prefix + "_*.txt").Single();
                return File.ReadAllText(file);
            }
        }

        throw new InvalidOperationException("shared/seeds not found above " + AppContext.BaseDirectory);
    }
}
