using System.CommandLine;

namespace ParkTwin.Cli.Commands;

public static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "(being written)");
        command.SetAction(_ => 1);
        return command;
    }
}
