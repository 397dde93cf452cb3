using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>docker-compose.yml parses, has the services the deployment needs, and every file it refers to exists.</summary>
public sealed class ComposeFileTests
{
    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParkTwin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ParkTwin.sln not found above the test binaries");
    }

    static YamlMappingNode Services(string root)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(root, "docker-compose.yml"));
        yaml.Load(reader);
        var top = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)top.Children[new YamlScalarNode("services")];
    }

    [Fact]
    public void The_compose_file_has_postgres_two_silos_the_schema_step_and_grafana()
    {
        var names = Services(RepositoryRoot()).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToArray();
        Assert.Contains("postgres", names);
        Assert.Contains("db-init", names);
        Assert.Contains("silo1", names);
        Assert.Contains("silo2", names);
        Assert.Contains("grafana", names);
    }

    [Fact]
    public void Every_build_context_dockerfile_and_mounted_host_path_exists()
    {
        var root = RepositoryRoot();
        var referenced = new List<string>();
        foreach (var (_, node) in Services(root).Children)
        {
            var service = WithMergedKeys((YamlMappingNode)node);
            if (service.Children.TryGetValue(new YamlScalarNode("build"), out var build))
            {
                var context = build is YamlScalarNode s ? s.Value! : ((YamlScalarNode)((YamlMappingNode)build).Children[new YamlScalarNode("context")]).Value!;
                referenced.Add(context);
                referenced.Add(Path.Combine(context, "Dockerfile"));
            }
            if (service.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes))
                foreach (var volume in ((YamlSequenceNode)volumes).Children.OfType<YamlScalarNode>())
                {
                    var source = volume.Value!.Split(':')[0];
                    // Named volumes are Docker's; host paths start with . or /. ./runs is created by the run itself.
                    if (source.StartsWith('.') && source != "./runs") referenced.Add(source);
                }
        }
        Assert.Contains("Dockerfile", referenced.Select(Path.GetFileName));
        foreach (var path in referenced)
            Assert.True(File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path)), $"docker-compose.yml refers to {path}, which does not exist");
    }

    /// <summary>Resolves YAML merge keys (&lt;&lt;: *anchor), which the compose file uses for the settings every parktwin service shares.</summary>
    static YamlMappingNode WithMergedKeys(YamlMappingNode service)
    {
        var merged = new YamlMappingNode();
        if (service.Children.TryGetValue(new YamlScalarNode("<<"), out var baseNode) && baseNode is YamlMappingNode shared)
            foreach (var (k, v) in shared.Children) merged.Children[k] = v;
        foreach (var (k, v) in service.Children) if (((YamlScalarNode)k).Value != "<<") merged.Children[k] = v;
        return merged;
    }

    [Fact]
    public void The_grafana_dashboards_are_valid_json_reading_the_live_series_table()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "dashboards", "json"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Contains("live_series", json.RootElement.GetRawText());
        }
    }
}
