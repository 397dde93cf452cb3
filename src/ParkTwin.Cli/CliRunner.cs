using System.CommandLine;
using ParkTwin.Domain;
using ParkTwin.Simulation.Scenarios;

namespace ParkTwin.Cli;

/// <summary>Exit codes: 0 done, 1 failed, 2 bad input (nothing was run or written), 130 interrupted.</summary>
public static class CliRunner
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'parktwin --help' for usage.");
            return BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                // Ctrl-C cancels the action's token; a run then stops at its next tick and writes what it simulated,
                // which at scale 1 takes a while: the process is not ended under it.
                ProcessTerminationTimeout = TimeSpan.FromMinutes(30),
            });
        }
        catch (ScenarioException e)
        {
            // One problem a line, so that every one of them can be fixed in one go.
            Console.Error.WriteLine($"error: {e.File}: {e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}");
            foreach (var problem in e.Problems) Console.Error.WriteLine($"  {problem}");
            return BadInput;
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}
