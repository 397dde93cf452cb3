using System.CommandLine;

namespace ParkTwin.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "(being written)");
        command.SetAction(_ => 1);
        return command;
    }
}
