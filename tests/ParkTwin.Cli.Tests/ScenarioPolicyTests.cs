using System.Text.Json.Nodes;
using ParkTwin.Domain.Decisions;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Policies;
using ParkTwin.Simulation.Scenarios;

namespace ParkTwin.Cli.Tests;

/// <summary>A scenario's policies, shocks, province overrides and output selection (docs/scenarios.md).</summary>
public sealed class ScenarioPolicyTests
{
    /// <summary>One policy of every kind, both shocks and an output selection, on the small generated province (parks P001–P003).</summary>
    public const string AllKinds = """
        name: all-kinds
        province: { scale: 0.02 }
        years: { from: 2023, to: 2025 }
        policies:
          - { kind: emission-cap, from: 2024, limit: 1000000, target: { parks: [P001] } }
          - { kind: energy-cap, from: 2024-03-01, to: 2025, reduction: 0.1, target: { industries: [cement], prefectures: [chengdu] } }
          - { kind: green-share-mandate, from: 2024, share: 0.3, maxPrice: 400 }
          - { kind: phase-out, from: 2025-07-01, technology: coal_boiler, label: boilers }
          - kind: rationing
            from: 2023-08-01
            to: 2023-08-31
            tiers:
              - { industries: [cement, steel], cut: 0.5 }
              - { cut: 0.2 }
            exempt: [food]
            demandCutMW: 500
          - { kind: capex-subsidy, from: 2024, technology: onsite_pv, share: 0.2 }
          - { kind: carbon-tax, from: 2025, rate: 50, target: { enterprises: [E00001] } }
          - { kind: carbon-price-bounds, from: 2024, floor: 40, ceiling: 120 }
          - { kind: green-power-discount, from: 2024, discount: 20 }
          - { kind: green-loan, from: 2024, rate: 0.03 }
          - { kind: ets-allocation, from: 2024, allocationFactor: 0.95, auctionShare: 0.1 }
          - { kind: ets-recognition, from: 2024, recogniseCertificates: true }
          - { kind: offset-limit, from: 2024, share: 0.05 }
          - { kind: disclosure, from: 2024, hurdleReduction: 0.02 }
          - { kind: pilot-title, from: 2024, hurdleReduction: 0.03, target: { parks: [P002] } }
          - { kind: coordination-delay, from: 2023, channel: certificates-to-ets, months: 3 }
        shocks:
          - { kind: hydro-availability, from: 2023, to: 2024, months: { 7: 0.6, 8: 0.5 } }
          - { kind: output-change, from: 2024-01-01, to: 2024-06-30, target: { industries: [steel] }, factor: 0.8 }
        outputs:
          series: [province, parks]
          formats: [csv]
          charts: false
        """;

    static T At<T>(Scenario scenario, int index) where T : Policy => Assert.IsType<T>(scenario.Policies[index]);

    [Fact]
    public void One_policy_of_every_kind_parses_into_its_record_with_its_values()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["all.yaml"], AllKinds);
        var scenario = ScenarioLoader.Load(scratch["all.yaml"]);

        Assert.Equal(16, scenario.Policies.Count);
        Assert.Equal(
            ["emission-cap", "energy-cap", "green-share-mandate", "phase-out", "rationing", "capex-subsidy", "carbon-tax", "carbon-price-bounds",
             "green-power-discount", "green-loan", "ets-allocation", "ets-recognition", "offset-limit", "disclosure", "pilot-title", "coordination-delay"],
            scenario.Policies.Select(p => p.Kind));
        Assert.Equal([5, 6, 7, 8, 9, .. Enumerable.Range(17, 11)], scenario.Policies.Select(p => p.Line));

        var cap = At<EmissionCap>(scenario, 0);
        Assert.Equal((1_000_000d, (double?)null), (cap.Limit!.Value, cap.Reduction));
        Assert.Equal(new DateOnly(2024, 1, 1), cap.From);
        Assert.Null(cap.To);
        Assert.Equal(["P001"], cap.Target.Parks);
        Assert.Equal(5, cap.Line);

        var energy = At<EnergyCap>(scenario, 1);
        Assert.Equal((null, 0.1), (energy.Limit, energy.Reduction));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2025, 12, 31)), (energy.From, energy.To!.Value));
        Assert.Equal(["cement"], energy.Target.Industries);
        Assert.Equal(["chengdu"], energy.Target.Prefectures);

        var mandate = At<GreenShareMandate>(scenario, 2);
        Assert.Equal((0.3, 400d), (mandate.Share, mandate.MaxPrice!.Value));
        Assert.True(mandate.Target.IsProvince);

        var phaseOut = At<PhaseOut>(scenario, 3);
        Assert.Equal(("coal_boiler", "boilers", new DateOnly(2025, 7, 1)), (phaseOut.Technology, phaseOut.Label, phaseOut.From));

        var rationing = At<Rationing>(scenario, 4);
        Assert.Equal((new DateOnly(2023, 8, 1), new DateOnly(2023, 8, 31)), (rationing.From, rationing.To!.Value));
        Assert.Equal(2, rationing.Tiers.Count);
        Assert.Equal(["cement", "steel"], rationing.Tiers[0].Industries);
        Assert.Equal(0.5, rationing.Tiers[0].Cut);
        Assert.Empty(rationing.Tiers[1].Industries);
        Assert.Equal(0.2, rationing.Tiers[1].Cut);
        Assert.Equal(["food"], rationing.Exempt);
        Assert.Equal(500, rationing.DemandCutMW);
        Assert.Equal(9, rationing.Line);

        var subsidy = At<CapexSubsidy>(scenario, 5);
        Assert.Equal((AbatementOptionIds.OnsitePv, 0.2), (subsidy.Technology, subsidy.Share));
        var tax = At<CarbonTax>(scenario, 6);
        Assert.Equal(50, tax.Rate);
        Assert.Equal(["E00001"], tax.Target.Enterprises);
        var bounds = At<CarbonPriceBounds>(scenario, 7);
        Assert.Equal((40d, 120d), (bounds.Floor!.Value, bounds.Ceiling!.Value));
        Assert.Equal(20, At<GreenPowerDiscount>(scenario, 8).Discount);
        Assert.Equal(0.03, At<GreenLoan>(scenario, 9).Rate);
        var allocation = At<EtsAllocation>(scenario, 10);
        Assert.Equal((0.95, 0.1), (allocation.AllocationFactor!.Value, allocation.AuctionShare!.Value));
        var recognition = At<EtsRecognition>(scenario, 11);
        Assert.True(recognition.RecogniseCertificates);
        Assert.True(recognition.Indirect); // the default
        Assert.Equal(0.05, At<OffsetLimit>(scenario, 12).Share);
        var disclosure = At<InformationPolicy>(scenario, 13);
        Assert.Equal(("disclosure", 0.02), (disclosure.Kind, disclosure.HurdleReduction!.Value));
        var pilot = At<InformationPolicy>(scenario, 14);
        Assert.Equal(("pilot-title", 0.03), (pilot.Kind, pilot.HurdleReduction!.Value));
        Assert.Equal(["P002"], pilot.Target.Parks);
        var delay = At<CoordinationDelay>(scenario, 15);
        Assert.Equal(("certificates-to-ets", 3, new DateOnly(2023, 1, 1)), (delay.Channel, delay.Months, delay.From));

        Assert.Equal(2, scenario.Shocks.Count);
        var hydro = scenario.Shocks[0];
        Assert.Equal(("hydro-availability", new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 31)), (hydro.Kind, hydro.From, hydro.To!.Value));
        Assert.Equal(new Dictionary<int, double> { [7] = 0.6, [8] = 0.5 }, hydro.Months);
        Assert.Null(hydro.Factor);
        var output = scenario.Shocks[1];
        Assert.Equal(("output-change", 0.8, new DateOnly(2024, 6, 30)), (output.Kind, output.Factor!.Value, output.To!.Value));
        Assert.Equal(["steel"], output.Target.Industries);

        Assert.Equal(["province", "parks"], scenario.Outputs.Series);
        Assert.Equal(["csv"], scenario.Outputs.Formats);
        Assert.False(scenario.Outputs.Charts);
        Assert.True(scenario.Outputs.Report);
    }

    [Fact]
    public void Without_policies_shocks_or_output_keys_a_scenario_has_none_and_writes_everything()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        var scenario = ScenarioLoader.Load(scratch["s.yaml"]);
        Assert.Empty(scenario.Policies);
        Assert.Empty(scenario.Shocks);
        Assert.True(scenario.Outputs.IsAll);
        Assert.False(scenario.Overridden);
    }

    [Fact]
    public void Validate_lists_each_mistake_in_the_policies_with_its_line_and_exits_2()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["bad.yaml"], """
            province: { scale: 0.02 }
            years: { from: 2023 }
            policies:
              - { kind: carbon-levy, from: 2023, rate: 5 }
              - { kind: carbon-tax, from: 2023, rate: 5, rat: 3 }
              - kind: rationing
                from: 2023-08-01
                tiers: [{ cut: 1.5 }]
              - { kind: emission-cap, from: 2023, limit: 5, target: { parks: [NO-SUCH-PARK] } }
              - { kind: phase-out, from: 2023, technology: nuclear }
              - { kind: capex-subsidy, from: 2023, technology: magic, share: 0.2 }
              - { kind: carbon-tax, from: 2023-06-01, to: 2023-05-01, rate: 5 }
              - { kind: carbon-tax, from: 2030, rate: 5 }
              - { kind: emission-cap, from: 2023, limit: 5, reduction: 0.1 }
              - { kind: carbon-price-bounds, from: 2023, floor: 100, ceiling: 50 }
            shocks:
              - { kind: hydro-availability, from: 2023, months: { 13: 0.6, 8: 3 } }
            """);
        var result = ParktwinProcess.Run("validate", scratch["bad.yaml"]);
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: {scratch["bad.yaml"]}: 13 problems", lines[0]);
        Assert.Equal(
        [
            "  policies[0].kind (line 4, column 7): \"carbon-levy\" is not one of emission-cap, energy-cap, green-share-mandate, phase-out, rationing, " +
            "capex-subsidy, carbon-tax, carbon-price-bounds, green-power-discount, green-loan, ets-allocation, ets-recognition, offset-limit, " +
            "disclosure, pilot-title, coordination-delay",
            "  policies[1].rat (line 5, column 46): unknown key 'rat' for a carbon-tax policy",
            "  policies[2] (line 6, column 5): missing key 'to' (a rationing order needs an end)",
            "  policies[2].tiers[0].cut (line 8, column 15): 1.5 should be at most 1",
            "  policies[3].target.parks[0] (line 9, column 67): no park 'NO-SUCH-PARK' in the province",
            "  policies[4].technology (line 10, column 36): \"nuclear\" is not one of pv, wind, hydro_run_of_river, hydro_reservoir, storage, gas_chp, coal_boiler, coal_power, gas_power",
            "  policies[5].technology (line 11, column 40): \"magic\" is not one of efficiency_retrofit, heat_electrification, onsite_pv, storage, " +
            "green_power_contract, waste_heat_recovery, process_change, ccus",
            "  policies[6].to (line 12, column 43): 2023-05-01 is before from (2023-06-01)",
            "  policies[7] (line 13, column 5): never in force within years 2023–2023 (from 2030-01-01)",
            "  policies[8] (line 14, column 5): give exactly one of limit (tCO2 a year) or reduction (a share below expected), not both",
            "  policies[9].floor (line 15, column 46): 100 is above ceiling (50)",
            "  shocks[0].months.13 (line 17, column 55): '13' is not a month (1–12)",
            "  shocks[0].months.8 (line 17, column 64): 3 should be at most 2",
        ], lines[1..]);
    }

    const string NewPark = """
        province:
          scale: 0.02
          overrides:
            remove: [P003]
            add:
              parks:
                - { id: P-NEW, name: New park, prefecture: chengdu, focus: [battery_cells] }
              enterprises:
                - { id: E-NEW-1, park: P-NEW, industry: battery_cells, annualOutput: 1000 }
                - { id: E-NEW-2, park: P-NEW, industry: electronics, annualOutput: 500, efficiency: 0.9 }
              assets:
                - { id: A-NEW-PV, kind: pv, owner: E-NEW-1, park: P-NEW, prefecture: chengdu, capacityMW: 5 }
            set:
              E00001: { annualOutput: 12345, efficiency: 0.8 }
        years: { from: 2023 }
        policies:
          - { kind: green-share-mandate, from: 2023, share: 0.5, target: { parks: [P-NEW] } }
        """;

    [Fact]
    public void Overrides_add_a_new_park_with_its_enterprises_remove_a_park_with_its_own_and_set_values()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["new-park.yaml"], NewPark);
        var scenario = ScenarioLoader.Load(scratch["new-park.yaml"]);
        var generated = Simulation.Synthetic.ProvinceGenerator.Generate(42, 0.02);
        var inventory = scenario.Inventory;
        Assert.True(scenario.Overridden);

        var park = Assert.Single(inventory.Parks, p => p.Id == "P-NEW");
        Assert.Equal(("chengdu", "provincial"), (park.Prefecture, park.Level));
        var added = inventory.Enterprises.Where(e => e.Park == "P-NEW").ToArray();
        Assert.Equal(["E-NEW-1", "E-NEW-2"], added.Select(e => e.Id));
        Assert.Equal(("electronics", 500d, 0.9), (added[1].Industry, added[1].AnnualOutput, added[1].Efficiency));
        Assert.Equal(1, added[0].Efficiency);
        var pv = Assert.Single(inventory.Assets, a => a.Id == "A-NEW-PV");
        Assert.Equal((AssetKind.Pv, 5d), (pv.Kind, pv.CapacityMW));

        Assert.DoesNotContain(inventory.Parks, p => p.Id == "P003");
        var gone = generated.Enterprises.Where(e => e.Park == "P003").Select(e => e.Id).ToHashSet();
        Assert.NotEmpty(gone);
        Assert.DoesNotContain(inventory.Enterprises, e => e.Park == "P003");
        Assert.DoesNotContain(inventory.Assets, a => a.Park == "P003" || gone.Contains(a.Owner));
        Assert.Equal(generated.Enterprises.Count - gone.Count + 2, inventory.Enterprises.Count);

        var first = Assert.Single(inventory.Enterprises, e => e.Id == "E00001");
        Assert.Equal((12345d, 0.8), (first.AnnualOutput, first.Efficiency));
        Assert.Equal(["P-NEW"], Assert.IsType<GreenShareMandate>(Assert.Single(scenario.Policies)).Target.Parks);
    }

    [Fact]
    public void An_added_enterprise_in_a_missing_park_and_other_override_mistakes_are_reported_at_the_override()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["bad-park.yaml"], NewPark
            .Replace("remove: [P003]", "remove: [P003, NO-SUCH-ID]")
            .Replace("park: P-NEW, industry: electronics", "park: P-MISSING, industry: electronics")
            .Replace("E00001: { annualOutput: 12345, efficiency: 0.8 }", "E00001: { capacityMW: 3 }")
            .Replace("parks: [P-NEW]", "parks: [P-NEW, P003]"));
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scratch["bad-park.yaml"]));
        Assert.Equal(
        [
            "province.overrides.remove[1] (line 4, column 20): no park, enterprise or asset 'NO-SUCH-ID' in the province",
            "province.overrides.add.enterprises[1].park (line 10, column 26): no park with id 'P-MISSING'",
            "province.overrides.set.E00001.capacityMW (line 14, column 17): 'E00001' is an enterprise: set annualOutput or efficiency",
            "policies[0].target.parks[1] (line 17, column 83): no park 'P003' in the province",
        ], e.Problems);
    }

    [Fact]
    public void The_schema_lists_exactly_the_asset_kinds_and_abatement_options_of_the_code()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "simulations", "scenario.schema.json")))!;
        string[] Enum(string name) => schema["$defs"]![name]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        Assert.Equal(AssetKindNames.All.Select(k => k.Name()), Enum("assetKind"));
        Assert.Equal(AbatementOptionIds.All, Enum("abatementOption"));
    }

    [Fact]
    public void A_run_writes_only_the_selected_outputs_and_always_summary_json()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["selected.yaml"], ScenarioRuns.OneYear + "\noutputs: { series: [province, markets], formats: [csv], charts: false, report: false }\n");
        var result = ParktwinProcess.Run("simulate", scratch["selected.yaml"], "--out", scratch["out"]);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        var files = Directory.GetFiles(scratch["out"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(scratch["out"], f)).Order(StringComparer.Ordinal);
        Assert.Equal(["markets_monthly.csv", "province_monthly.csv", "summary.json"], files);
    }

    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParkTwin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ParkTwin.sln not found above the test binaries");
    }
}
