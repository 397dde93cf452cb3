using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Tests.Accounting;

public sealed class AccountReportTests
{
    static AccountReport Build(string json, ElectricityMethod method = ElectricityMethod.CalorificEquivalent) =>
        AccountReport.Build(AccountInputParser.Parse(json, FactorTable.Default), FactorTable.Default, IndicatorTable.Default, method);

    [Fact]
    public void Park_totals_are_enterprises_plus_shared_facilities()
    {
        // E1: 10 t coke → 10 × 2.860418825 = 28.60418825 tCO2, 9.714 tce; grid 200 MWh → 200 × 0.1564 = 31.28 / 200 × 0.6096 = 121.92, 24.58 tce.
        // E2: heat 500 GJ → 55 tCO2 each, 17.06 tce. Boiler (shared): 2 t LPG → 6.2026596427 tCO2, 3.4286 tce.
        // park: scope1 = 28.60418825 + 6.2026596427 = 34.8068478927; location = 31.28 + 55 = 86.28; market = 121.92 + 55 = 176.92;
        //       energy = 9.714 + 24.58 + 17.06 + 3.4286 = 54.7826; ratio (34.8068478927 + 176.92) / 54.7826 = 211.7268478927 / 54.7826 = 3.8648557734
        var report = Build("""
            { "year": 2023, "province": "sichuan", "enterprises": [
                { "id": "E1", "fuels": [ { "carrier": "coke", "quantity": 10, "unit": "t" } ], "electricity": { "gridMWh": 200 } },
                { "id": "E2", "heatGJ": 500 } ],
              "sharedFacilities": [ { "id": "B", "fuels": [ { "carrier": "lpg", "quantity": 2, "unit": "t" } ] } ] }
            """);
        Approx.Equal(34.8068478927, report.Park.Scope1Combustion);
        Approx.Equal(86.28, report.Park.Scope2Location);
        Approx.Equal(176.92, report.Park.Scope2Market);
        Approx.Equal(54.7826, report.Park.EnergyTce);
        Approx.Equal(3.8648557734, report.Park.CarbonPerEnergy, 1e-9);
        Approx.Equal(report.Enterprises.Sum(e => e.EnergyTce) + report.SharedFacilities.Sum(e => e.EnergyTce), report.Park.EnergyTce);
        Assert.Equal(0.20, report.Park.Threshold);
        Assert.False(report.Park.CorePass);
    }

    [Fact]
    public void A_clean_park_passes_the_core_indicator()
    {
        // 10 000 MWh on-site + 1000 t clinker (520 tCO2): energy 1229 tce; 520/1229 = 0.4231 fails; 100 t clinker: 52/1229 = 0.0423 passes.
        var report = Build("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E", "process": [ { "product": "clinker", "quantity": 100 } ], "electricity": { "onsiteMWh": 10000 } } ], "park": { "wasteHeatUtilisation": 0.6 } }""");
        Assert.True(report.Park.CorePass);
        Assert.Equal(IndicatorStatus.Pass, report.Park.Indicators.Single(i => i.Name == IndicatorNames.WasteHeatUtilisation).Status);
        Assert.Equal(IndicatorStatus.NoData, report.Park.Indicators.Single(i => i.Name == IndicatorNames.WaterReuse).Status);
    }

    [Fact]
    public void The_json_has_the_documented_fields_and_unrounded_numbers()
    {
        var json = Build("""{ "year": 2023, "province": "sichuan", "enterprises": [ { "id": "E", "electricity": { "gridMWh": 3 } } ] }""").ToJson();
        foreach (var field in new[] { "\"enterprises\"", "\"park\"", "\"scope1Combustion\"", "\"scope2Market\"", "\"energyTce\"", "\"carbonPerEnergy\"",
                     "\"cleanEnergyShare\"", "\"indicators\"", "\"threshold\"", "\"corePass\"", "\"no data\"" })
            Assert.Contains(field, json);
        // 3 MWh × 0.6096 = 1.8288 tCO2 market, written in full.
        Assert.Contains("\"scope2Market\": 1.8288", json);
    }
}
