using System.CommandLine;
using ParkTwin.Cli.Commands;

namespace ParkTwin.Cli.Tests.Synthetic;

public sealed class GenerateCommandTests
{
    static Task<int> Run(params string[] args)
    {
        var root = new RootCommand { GenerateCommand.Create() };
        return CliRunner.RunAsync(root, ["generate", .. args]);
    }

    [Fact]
    public async Task Generate_writes_the_inventory_file_and_exits_0()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parktwin-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, await Run("--seed", "5", "--scale", "0.01", "--out", path));
            Assert.True(new FileInfo(path).Length > 1000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "11")]
    [InlineData("--scale", "-2")]
    public async Task A_scale_outside_0_to_10_exits_2_and_writes_nothing(string option, string value)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parktwin-{Guid.NewGuid():N}.json");
        Assert.Equal(2, await Run(option, value, "--out", path));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_missing_out_option_exits_2()
    {
        Assert.Equal(2, await Run("--scale", "0.01"));
    }
}
