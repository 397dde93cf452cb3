using System.CommandLine;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Cli.Commands;

/// <summary><c>parktwin market clear INPUT.json</c>: clears one call-auction session (docs/markets.md).</summary>
public static class MarketCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "The session: { rule, offers: [{id, quantity, price}], bids: [...] } (JSON)" };
        var clear = new Command("clear", "Clear a call auction (pay-as-clear or pay-as-bid): price, volume and fills as JSON");
        clear.Arguments.Add(input);
        clear.SetAction(parse =>
        {
            var book = OrderBookParser.ParseFile(parse.GetValue(input)!);
            // Clear before writing, so bad input leaves stdout empty.
            var json = ClearingJson.Write(CallAuction.Clear(book));
            Console.Out.WriteLine(json);
            return 0;
        });
        var command = new Command("market", "Market mechanisms: call auctions");
        command.Subcommands.Add(clear);
        return command;
    }
}
