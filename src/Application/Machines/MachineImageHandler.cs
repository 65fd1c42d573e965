using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Energy.Application.Common;
using Energy.Domain.Machines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Energy.Application.Machines;

/// <summary>
/// Seed 2.9: a machine's image, stored on disk under <c>Energy:Images:Directory</c> (default
/// <c>.energy/images</c>, relative to the content root) as its pixels encoded again (<see cref="ImageContent"/>), named
/// by the SHA-256 of those bytes, so the same image is stored once and a URL always shows the same bytes. The event records the hash and URL.
/// </summary>
public sealed partial class MachineImageHandler(MachineHandler machines, IConfiguration configuration, IHostEnvironment environment)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string Field = "Machine_Image";

    /// <summary>Where the service serves stored images; the file name follows.</summary>
    public const string UrlPrefix = "/api_3/machine_images/";

    public string Directory { get; } = Path.GetFullPath(
        configuration["Energy:Images:Directory"] is { Length: > 0 } configured ? configured : Path.Combine(".energy", "images"),
        environment.ContentRootPath);

    /// <summary>Stores the image and attaches it to the machine; returns its URL.</summary>
    public async Task<string> AttachAsync(long machineId, Stream content, Actor actor, CancellationToken ct = default)
    {
        var bytes = await ReadLimitedAsync(content, ct);
        var format = ImageFormat.Sniff(bytes)
            ?? throw ContractError.BadParameter(Field, "must be a PNG, JPEG or WebP image (judged by its content, not its name)");
        // Only the decoded pixels are kept: whatever else the file carried is never stored or served.
        bytes = ImageContent.Clean(bytes, format)
            ?? throw ContractError.BadParameter(Field, $"must be a complete {format.Extension.ToUpperInvariant()} image that decodes (at most {ImageContent.MaxPixels} pixels)");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var fileName = $"{hash}.{format.Extension}";
        var url = UrlPrefix + fileName;
        // Written only once the decider accepted the command; a file left by a failed commit is harmless,
        // since it is named by its content and a later upload of the same bytes reuses it.
        await machines.Handle(machineId, new AttachMachineImage(machineId, hash, format.ContentType, url), actor,
            (_, _, _) => WriteOnceAsync(fileName, bytes, ct), ct);
        return url;
    }

    /// <summary>The stored file behind a served name, or null (also for names that are not ours, e.g. "../x").</summary>
    public (string Path, string ContentType)? Find(string fileName)
    {
        var match = StoredName().Match(fileName);
        if (!match.Success || ImageFormat.FromExtension(match.Groups["ext"].Value) is not { } format)
        {
            return null;
        }

        var path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? (path, format.ContentType) : null;
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw ContractError.BadParameter(Field, $"must be at most 5 MiB ({MaxBytes} bytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? throw ContractError.BadParameter(Field, "is empty") : buffer.ToArray();
    }

    private async Task WriteOnceAsync(string fileName, byte[] bytes, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, fileName);
        if (File.Exists(path))
        {
            return;
        }

        // Write aside and move into place, so a reader never sees half a file.
        var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another upload of the same bytes won the race
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}\\.(?<ext>png|jpg|webp)$")]
    private static partial Regex StoredName();
}
