using System.CommandLine;
using ParkTwin.Cli;
using ParkTwin.Cli.Commands;

var root = new RootCommand("ParkTwin: a digital twin of Sichuan's industrial parks, their carbon accounts and markets.");
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(AccountCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(MarketCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(SiloCommand.Create());
return await CliRunner.RunAsync(root, args);
