using System.CommandLine;

namespace ParkTwin.Cli.Commands;

public static class AccountCommand
{
    public static Command Create()
    {
        var command = new Command("account", "(being written)");
        command.SetAction(_ => 1);
        return command;
    }
}
