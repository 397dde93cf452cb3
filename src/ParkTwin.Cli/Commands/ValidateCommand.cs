using System.CommandLine;
using ParkTwin.Simulation.Scenarios;

namespace ParkTwin.Cli.Commands;

/// <summary><c>parktwin validate SCENARIO.yaml</c>: checks a scenario and lists every problem (exit 2), or prints "valid".</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "Scenario .yaml (simulations/scenario.schema.json, docs/scenarios.md)" };
        var command = new Command("validate", "Check a scenario file: every problem with its path and line, or 'valid'") { file };
        command.SetAction(parse =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(file)!);
            Console.WriteLine("valid");
            Console.WriteLine(scenario.Describe());
            return 0;
        });
        return command;
    }
}
