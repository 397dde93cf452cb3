using System.CommandLine;
using System.Text;
using ParkTwin.Domain;
using ParkTwin.Simulation.Reporting;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin compare RUN_A RUN_B [--out FILE] [--csv FILE]</c>: the differences between two run directories, as a
/// markdown report (stdout or FILE) and compare.csv (every province- and park-level monthly value of both runs).
/// </summary>
public static class CompareCommand
{
    public const string DefaultCsv = "compare.csv";

    public static Command Create()
    {
        var runA = new Argument<string>("run-a") { Description = "A run directory (written by 'parktwin simulate')" };
        var runB = new Argument<string>("run-b") { Description = "Another run directory; differences are B − A" };
        var output = new Option<string?>("--out") { Description = "Write the markdown report to FILE instead of stdout" };
        var csv = new Option<string?>("--csv") { Description = $"Where to write the value-by-value table (default: {DefaultCsv} beside --out, or in the current directory)" };
        var command = new Command("compare", "Compare two runs: a markdown report of the differences and compare.csv") { runA, runB, output, csv };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output);
            var csvPath = parse.GetValue(csv) ?? Path.Combine(outPath is null ? "." : Path.GetDirectoryName(Path.GetFullPath(outPath))!, DefaultCsv);
            foreach (var (option, path) in new[] { ("--out", outPath), ("--csv", csvPath) })
                if (path is not null && Directory.Exists(path)) throw new InputException(option, $"{path} is a directory, not a file");
            // Read and compare everything before writing anything, so bad input leaves no file behind.
            var comparison = RunComparison.Load(parse.GetValue(runA)!, parse.GetValue(runB)!);
            var markdown = comparison.ToMarkdown();
            Write(csvPath, comparison.ToCsv());
            if (outPath is null) Console.Out.Write(markdown);
            else
            {
                Write(outPath, markdown);
                Console.Out.WriteLine($"{comparison.DifferingCount} of {comparison.Rows.Count} values differ; report in {outPath}, values in {csvPath}");
            }
            return 0;
        });
        return command;
    }

    static void Write(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
