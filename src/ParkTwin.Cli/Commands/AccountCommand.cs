using System.CommandLine;
using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Cli.Commands;

/// <summary><c>parktwin account INPUT.json</c>: carbon account and zero-carbon indicators of one park (docs/accounting.md).</summary>
public static class AccountCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Activity data of a park's enterprises and shared facilities (JSON)" };
        var method = new Option<string>("--electricity-method")
        {
            Description = "Electricity to tce: calorific (0.1229 kgce/kWh) or coal (thermal plants' coal per kWh of the year)",
            DefaultValueFactory = _ => "calorific",
        };
        method.AcceptOnlyFromAmong("calorific", "coal");

        var command = new Command("account", "Carbon account (Scope 1, Scope 2 location- and market-based, energy tce) and park indicators");
        command.Arguments.Add(input);
        command.Options.Add(method);
        command.SetAction(parse =>
        {
            var electricity = parse.GetValue(method) == "coal" ? ElectricityMethod.CoalEquivalent : ElectricityMethod.CalorificEquivalent;
            var data = AccountInputParser.ParseFile(parse.GetValue(input)!, FactorTable.Default);
            // Build the whole report before writing, so bad input leaves stdout empty.
            var json = AccountReport.Build(data, FactorTable.Default, IndicatorTable.Default, electricity).ToJson();
            Console.Out.WriteLine(json);
            return 0;
        });
        return command;
    }
}
