using Energy.Http.Hosting.Embedded;
using Energy.Testing;
using Npgsql;

namespace Energy.Http.Tests.Hosting.Embedded;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly TempDirectory _folder = TempDirectory.Create();

    private EmbeddedPostgresOptions Options(string name = "pg") => new()
    {
        DataDirectory = Path.Combine(_folder.Path, name),
        ExtraServerSettings = PostgresCluster.FastSettings,
    };

    [Fact]
    public async Task A_started_cluster_answers_select_1()
    {
        await using var postgres = new EmbeddedPostgres(Options());
        await postgres.StartAsync();

        (await ScalarAsync(postgres.ConnectionString, "select 1")).ShouldBe(1);
        new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Database.ShouldBe("energy");
    }

    [Fact]
    public async Task Data_survives_a_restart_of_the_same_directory()
    {
        await using (var first = new EmbeddedPostgres(Options()))
        {
            await first.StartAsync();
            await ScalarAsync(first.ConnectionString, "create table kept (id int); insert into kept values (42); select 0");
            await first.StopAsync();
        }

        await using var second = new EmbeddedPostgres(Options());
        await second.StartAsync();

        (await ScalarAsync(second.ConnectionString, "select id from kept")).ShouldBe(42);
    }

    [Fact]
    public async Task A_bin_directory_that_does_not_exist_says_how_to_get_postgres()
    {
        await using var postgres = new EmbeddedPostgres(Options() with { BinDirectory = "/nonexistent/postgres/bin" });

        var error = await Should.ThrowAsync<PostgresBinariesNotFoundException>(() => postgres.StartAsync());

        error.Message.ShouldContain("/nonexistent/postgres/bin");
        error.Message.ShouldContain("apt-get install postgresql");
        error.Message.ShouldContain("ConnectionStrings__Energy");
    }

    [Fact]
    public async Task Two_clusters_run_at_once_on_different_ports()
    {
        await using var one = new EmbeddedPostgres(Options("one"));
        await using var two = new EmbeddedPostgres(Options("two"));
        await Task.WhenAll(one.StartAsync(), two.StartAsync());

        one.Port.ShouldNotBe(two.Port);
        await ScalarAsync(one.ConnectionString, "create table only_in_one (id int); select 1");
        (await ScalarAsync(two.ConnectionString, "select count(*)::int from pg_tables where tablename = 'only_in_one'"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task A_server_still_running_from_an_earlier_run_is_reused()
    {
        await using var earlier = new EmbeddedPostgres(Options());
        await earlier.StartAsync();

        await using var later = new EmbeddedPostgres(Options());
        await later.StartAsync();

        later.Port.ShouldBe(earlier.Port);
        (await ScalarAsync(later.ConnectionString, "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task A_lock_file_left_by_a_killed_server_does_not_block_start()
    {
        var options = Options();
        var lockFile = Path.Combine(options.DataDirectory, "postmaster.pid");
        string leftBehind;
        await using (var killed = new EmbeddedPostgres(options))
        {
            await killed.StartAsync();
            leftBehind = await File.ReadAllTextAsync(lockFile);
            await killed.StopAsync();
        }

        // What a kill -9 leaves: the lock file of a server whose pid is gone.
        await File.WriteAllTextAsync(lockFile, leftBehind);
        await using var next = new EmbeddedPostgres(options);
        await next.StartAsync();

        (await ScalarAsync(next.ConnectionString, "select 1")).ShouldBe(1);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        // Unpooled: a pooled connection would outlive the cluster it belongs to.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
