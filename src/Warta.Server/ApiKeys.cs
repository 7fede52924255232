using System.Security.Cryptography;
using System.Text;

namespace Warta.Server;

/// <summary>Finds or creates the key every write request must carry as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
internal static class ApiKeys
{
    public const string EnvironmentVariable = "WARTA_API_KEY";

    /// <summary>Returns the key and whether it was generated just now (so the caller prints it).</summary>
    public static (string Key, bool Generated) Resolve(string? configured, string? dataDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return (configured, false);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (fromEnvironment.Trim(), false);
        }

        var path = dataDirectory is null ? null : Path.Combine(dataDirectory, "api-key");
        if (path is not null && File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            if (stored.Length >= 16)
            {
                return (stored, false);
            }
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        if (path is not null)
        {
            Directory.CreateDirectory(dataDirectory!);
            File.WriteAllText(path, key + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return (key, true);
    }

    /// <summary>Constant-time comparison of the request's bearer token with the key.</summary>
    public static bool Matches(string? authorization, string key)
    {
        const string Prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(authorization[Prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(key));
    }
}
