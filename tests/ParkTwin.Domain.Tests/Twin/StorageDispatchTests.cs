using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

/// <summary>Round trip η = 0.81 so that each leg's efficiency is √0.81 = 0.9 exactly.</summary>
public sealed class StorageDispatchTests
{
    [Fact]
    public void Charging_is_limited_by_power()
    {
        // 2 MW, 10 MWh, empty; surplus 5 → draws 2 (power), stores 2 × 0.9 = 1.8.
        var battery = new StorageDispatch(2, 10, 0.81, 0);
        var flow = battery.Follow([5.0]);
        Approx.Equal(-2, flow[0]);
        Approx.Equal(1.8, battery.StateOfChargeMWh);
    }

    [Fact]
    public void Charging_is_limited_by_the_room_left_over_the_leg_efficiency()
    {
        // SoC 9.1 of 10: room (10 − 9.1) / 0.9 = 1 MWh drawn, which stores 0.9 → full.
        var battery = new StorageDispatch(2, 10, 0.81, 9.1);
        var flow = battery.Follow([5.0]);
        Approx.Equal(-1, flow[0]);
        Approx.Equal(10, battery.StateOfChargeMWh);
    }

    [Fact]
    public void Discharging_is_limited_by_power()
    {
        // SoC 5, deficit 3 → delivers 2 (power), taking 2 / 0.9 = 2.2222… from the SoC: 5 − 20/9 = 25/9.
        var battery = new StorageDispatch(2, 10, 0.81, 5);
        var flow = battery.Follow([-3.0]);
        Approx.Equal(2, flow[0]);
        Approx.Equal(25.0 / 9, battery.StateOfChargeMWh);
    }

    [Fact]
    public void Discharging_is_limited_by_state_of_charge_times_leg_efficiency()
    {
        // SoC 1, deficit 3, 2 MW: can deliver only 1 × 0.9 = 0.9 → empty.
        var battery = new StorageDispatch(2, 10, 0.81, 1);
        var flow = battery.Follow([-3.0]);
        Approx.Equal(0.9, flow[0]);
        Assert.Equal(0, battery.StateOfChargeMWh, 12);
    }

    [Fact]
    public void A_round_trip_loses_one_minus_eta()
    {
        // Draw 10 → store 9 → deliver 9 × 0.9 = 8.1 = 10 × 0.81: loss 1.9 = 10 × (1 − 0.81).
        var battery = new StorageDispatch(100, 100, 0.81, 0);
        var flow = battery.Follow([10.0, -100.0]);
        Approx.Equal(-10, flow[0]);
        Approx.Equal(8.1, flow[1]);
        Approx.Equal(10 * (1 - 0.81), -flow[0] - flow[1]);
        Assert.Equal(0, battery.StateOfChargeMWh, 12);
    }

    [Fact]
    public void A_zero_balance_does_nothing()
    {
        var battery = new StorageDispatch(2, 10, 0.81, 4);
        var flow = battery.Follow([0.0, 0.0, 0.0]);
        Assert.All(flow, f => Assert.Equal(0, f));
        Assert.Equal(4, battery.StateOfChargeMWh);
    }

    [Fact]
    public void A_hand_worked_day_part_follows_the_signal_hour_by_hour()
    {
        // 2 MW, 10 MWh, SoC 5, η 0.81 (legs 0.9).
        // h0 +5: room 5/0.9 = 5.56, draw 2 (power)       → SoC 6.8
        // h1 +5: room 3.2/0.9 = 3.56, draw 2 (power)     → SoC 8.6
        // h2 +5: room 1.4/0.9 = 1.5556, draw 14/9 (room) → SoC 10
        // h3  0: nothing                                  → SoC 10
        // h4 −1: deliver 1                                → SoC 10 − 1/0.9 = 80/9 = 8.8889
        // h5 −5: deliver 2 (power)                        → SoC 80/9 − 20/9 = 60/9 = 6.6667
        // h6 −9: deliver 2                                → SoC 40/9
        // h7 −9: deliver 2                                → SoC 20/9
        // h8 −9: available 20/9 × 0.9 = 2.0, power 2      → deliver 2, SoC 0
        // h9 −9: available 0                              → deliver 0
        var battery = new StorageDispatch(2, 10, 0.81, 5);
        var flow = battery.Follow([5.0, 5, 5, 0, -1, -5, -9, -9, -9, -9]);
        double[] expected = [-2, -2, -14.0 / 9, 0, 1, 2, 2, 2, 2, 0];
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], flow[i], 9);
        Assert.Equal(0, battery.StateOfChargeMWh, 9);
    }
}
