using System.CommandLine;

namespace ParkTwin.Cli.Commands;

public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "(being written)");
        command.SetAction(_ => 1);
        return command;
    }
}
