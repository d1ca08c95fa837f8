package dev.nemo.cli;

import dev.nemo.cli.ExitCodes;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.StatePaths;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.providers.ProviderRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nemo plugins list}: the provider plugins nemo knows, built in and from the config. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Provider plugins.",
        subcommands = PluginsCommand.ListPlugins.class)
public class PluginsCommand extends dev.nemo.cli.CommandGroup {

    @RegisterForReflection
    public record PluginView(String id, String source, String api, String baseUrl, List<String> envVars, List<String> authMethods,
                             boolean probe) {
    }

    @RegisterForReflection
    public record Listing(int count, List<PluginView> plugins) {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List providers: id, built-in or config, API style, base URL, env vars and auth methods.")
    public static class ListPlugins implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OutputFormat format;

        @Override
        public Integer call() {
            Invocation io = Invocation.of(spec);
            ConfigFile.Loaded config = new ConfigFile(StatePaths.resolve(io.env()).configPath(), io.env()).load();
            ProviderRegistry registry = new ProviderRegistry(config.config());
            List<PluginView> views = registry.all().stream().sorted(Comparator.comparing(ProviderDefinition::id))
                    .map(p -> view(p, registry)).toList();
            if (format.json()) {
                format.printJson(io.out(), new Listing(views.size(), views));
            } else if (format.plain()) {
                views.forEach(v -> io.out().println(v.id()));
            } else {
                io.out().println("Providers (" + views.size() + "):");
                for (PluginView v : views) {
                    io.out().println("- " + v.id() + " [" + v.source() + "] api=" + (v.api() == null ? "-" : v.api())
                            + (v.baseUrl() == null ? "" : " " + v.baseUrl())
                            + " | auth: " + String.join(", ", v.authMethods())
                            + (v.envVars().isEmpty() ? "" : " | env: " + String.join(", ", v.envVars()))
                            + (v.probe() ? "" : " | not probed"));
                }
            }
            return ExitCodes.OK;
        }

        private static PluginView view(ProviderDefinition p, ProviderRegistry registry) {
            List<String> methods = new ArrayList<>(p.loginMethods());
            methods.add(1, "paste-token");
            if (p.setupToken().isPresent()) {
                methods.add("setup-token");
            }
            return new PluginView(p.id(), p.builtin() ? "built-in" : "config", registry.apiName(p), p.baseUrl(), p.envVars(),
                    methods, p.probeable());
        }
    }
}
