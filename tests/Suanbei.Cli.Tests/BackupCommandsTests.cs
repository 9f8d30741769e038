namespace Suanbei.Cli.Tests;

/// <summary><c>suanbei backup</c> and <c>suanbei restore</c> as an operator runs them (SQLite; both databases are covered
/// by the web tests of the engine).</summary>
public sealed class BackupCommandsTests
{
    [Fact]
    public void Backup_then_restore_refuses_a_non_empty_target_without_force_and_restores_with_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "suanbei-cli-backup-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        var copy = Path.Combine(root, "copy");
        var archive = Path.Combine(root, "out", "suanbei.tar.gz");
        try
        {
            var user = CliRunner.Run("admin", "create-user", "--email", "boss@example.cn", "--password", "bosspassword1", "--data", data);
            Assert.True(user.ExitCode == 0, user.ToString());

            var backup = CliRunner.Run("backup", "--data", data, "-o", archive);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.Contains("已备份到", backup.StdOut);
            Assert.Contains("SQLite", backup.StdOut);
            Assert.True(File.Exists(archive));

            var refused = CliRunner.Run("restore", archive, "--data", data);
            Assert.True(refused.ExitCode == 10, refused.ToString());
            Assert.Contains("目标不为空", refused.StdErr);
            Assert.Contains("--force", refused.StdErr);

            var restored = CliRunner.Run("restore", archive, "--data", copy);
            Assert.True(restored.ExitCode == 0, restored.ToString());
            Assert.Contains("已恢复", restored.StdOut);
            Assert.True(File.Exists(Path.Combine(copy, "suanbei.db")));
            var forced = CliRunner.Run("restore", archive, "--data", copy, "--force");
            Assert.True(forced.ExitCode == 0, forced.ToString());

            // The restored copy is a working installation: the account is there (a duplicate is refused).
            var dup = CliRunner.Run("admin", "create-user", "--email", "boss@example.cn", "--password", "bosspassword1", "--data", copy);
            Assert.Equal(1, dup.ExitCode);

            var missing = CliRunner.Run("restore", Path.Combine(root, "nope.tar.gz"), "--data", copy);
            Assert.Equal(10, missing.ExitCode);
            Assert.Contains("找不到备份文件", missing.StdErr);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
