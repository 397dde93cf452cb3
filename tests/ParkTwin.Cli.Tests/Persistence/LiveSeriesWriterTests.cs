using ParkTwin.Persistence;

namespace ParkTwin.Cli.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class LiveSeriesWriterTests(PostgresServer postgres)
{
    [Fact]
    public async Task Hourly_values_written_with_binary_copy_read_back_exactly_in_time_order()
    {
        var db = await postgres.CreateDatabaseAsync();
        await DatabaseSchema.ApplyAsync(db);
        var writer = new LiveSeriesWriter(db);
        var start = new DateTime(2023, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        // Two twins, a day of hours each, written in one batch in reverse order; values that text would round.
        var rows = Enumerable.Range(0, 24).Reverse()
            .SelectMany(h => new[]
            {
                new LiveReading("live/E00001", "scope1", start.AddHours(h), 0.1 + h / 3.0, "tCO2"),
                new LiveReading("live/E00002", "scope1", start.AddHours(h), h * 1e-300, "tCO2"),
            })
            .ToArray();
        Assert.Equal(48UL, await writer.WriteAsync(rows));

        var back = await writer.ReadAsync("live/E00001", "scope1", start, start.AddHours(24));
        Assert.Equal(24, back.Count);
        for (var h = 0; h < 24; h++)
        {
            Assert.Equal(start.AddHours(h), back[h].At);
            Assert.Equal(0.1 + h / 3.0, back[h].Value);
            Assert.Equal("tCO2", back[h].Unit);
        }
        Assert.Equal(6, (await writer.ReadAsync("live/E00002", "scope1", start.AddHours(2), start.AddHours(8))).Count);
    }

    [Fact]
    public async Task Local_times_are_refused()
    {
        var db = await postgres.CreateDatabaseAsync();
        await DatabaseSchema.ApplyAsync(db);
        await Assert.ThrowsAsync<ArgumentException>(() => new LiveSeriesWriter(db).WriteAsync([new LiveReading("live/E1", "x", DateTime.Now, 1, "t")]));
    }
}
