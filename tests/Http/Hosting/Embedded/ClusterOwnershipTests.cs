using System.Diagnostics;
using Energy.Http.Hosting.Embedded;
using Energy.Testing;
using Npgsql;

namespace Energy.Http.Tests.Hosting.Embedded;

/// <summary>
/// Issue 17: a second <c>dotnet run</c> while the service ran adopted its cluster, failed to bind the port and stopped
/// the cluster on its way out, leaving the first service answering 500. Only the instance that started a cluster
/// stops it; one whose starter is gone is taken over by the next to adopt it.
/// </summary>
public sealed class ClusterOwnershipTests : IDisposable
{
    private readonly TempDirectory _folder = TempDirectory.Create();

    private EmbeddedPostgresOptions Options() => new()
    {
        DataDirectory = Path.Combine(_folder.Path, "pg"),
        ExtraServerSettings = PostgresCluster.FastSettings,
    };

    [Fact]
    public async Task A_second_instance_that_found_the_server_running_leaves_it_running_when_it_stops()
    {
        await using var first = new EmbeddedPostgres(Options());
        await first.StartAsync();

        await using (var second = new EmbeddedPostgres(Options()))
        {
            await second.StartAsync();
            (second.Adopted, second.Owned).ShouldBe((true, false));
            await second.StopAsync();
        }

        (await SelectOneAsync(first.ConnectionString)).ShouldBe(1, "the first instance's database is still up");
        first.Owned.ShouldBeTrue();
        await first.StopAsync();
        PostmasterPid.Read(first.DataDirectory).ShouldBeNull("the starter stopped it");
    }

    [Fact]
    public async Task A_server_whose_starter_is_gone_is_taken_over_and_stopped_by_the_next_instance()
    {
        var options = Options();
        await using var first = new EmbeddedPostgres(options);
        await first.StartAsync();
        // What a killed service leaves: its owner file naming a process that no longer runs.
        File.WriteAllText(options.DataDirectory + ".owner", $"{await ExitedProcessIdAsync()} 1 {Guid.NewGuid()}\n");

        await using var next = new EmbeddedPostgres(options);
        await next.StartAsync();
        (next.Adopted, next.Owned).ShouldBe((true, true));
        await next.StopAsync();

        PostmasterPid.Read(options.DataDirectory).ShouldBeNull("the new owner stopped it");
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static async Task<int> SelectOneAsync(string connectionString)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
