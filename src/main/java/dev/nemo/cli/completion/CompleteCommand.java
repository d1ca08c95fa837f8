package dev.nemo.cli.completion;

import dev.nemo.auth.StoredProfileIds;
import dev.nemo.cli.ExitCodes;
import dev.nemo.config.AgentContext;
import dev.nemo.config.AgentLocator;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.NemoConfig;
import dev.nemo.config.StatePaths;
import dev.nemo.models.AliasIndex;
import dev.nemo.models.CatalogModel;
import dev.nemo.models.ModelCatalog;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.providers.ProviderRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nemo __complete <source> -- <words of the command line>}: the ids the completion scripts
 * offer, one per line — provider ids, agent ids, profile ids, aliases and model refs from the
 * user's own config and store, never a secret. {@code --agent} among the words picks the agent
 * whose profiles are listed. Silent on any problem: a completion never shows an error.
 */
@Command(name = "__complete", hidden = true, description = "Ids for the shell completion scripts.")
public class CompleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<source>")
    CompletionSource source;

    @Parameters(index = "1..*", paramLabel = "<word>")
    List<String> line = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            values(dev.nemo.cli.Invocation.of(spec).env()).forEach(out::println);
        } catch (RuntimeException e) {
            // A broken config or store: nothing to offer, and nothing printed into the user's prompt.
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Collection<String> values(Environment env) {
        StatePaths paths = StatePaths.resolve(env);
        NemoConfig config = new ConfigFile(paths.configPath(), env).load().config();
        return switch (source) {
            case providers -> sorted(new ProviderRegistry(config).all().stream().map(ProviderDefinition::id).toList());
            case agents -> sorted(config.agents().stream().map(NemoConfig.AgentEntry::id).toList());
            case aliases -> sorted(new AliasIndex(config.defaults().models()).aliases().keySet());
            case models -> models(config);
            case profiles -> {
                AgentLocator locator = new AgentLocator(env, paths, config, warning -> { });
                AgentContext agent = locator.locate(agentOption());
                yield StoredProfileIds.of(agent, agent.explicit() ? locator.defaultAgent() : null);
            }
        };
    }

    /** The catalogue (built in and {@code models.providers}), the refs the config names, and the aliases. */
    private static Set<String> models(NemoConfig config) {
        Set<String> refs = new TreeSet<>();
        ModelCatalog.load(config, new ProviderRegistry(config)).all().stream().map(CatalogModel::key).forEach(refs::add);
        NemoConfig.AgentDefaults defaults = config.defaults();
        refs.addAll(defaults.models().keySet());
        addSetting(refs, defaults.model());
        addSetting(refs, defaults.imageModel());
        config.agents().forEach(a -> addSetting(refs, a.model()));
        refs.addAll(new AliasIndex(defaults.models()).aliases().keySet());
        refs.removeIf(String::isBlank);
        return refs;
    }

    private static void addSetting(Set<String> refs, dev.nemo.config.ModelSetting setting) {
        if (setting != null) {
            if (setting.primary() != null) {
                refs.add(setting.primary());
            }
            refs.addAll(setting.fallbacks());
        }
    }

    /** The last {@code --agent <id>} or {@code --agent=<id>} on the line being completed. */
    private String agentOption() {
        String agent = null;
        for (int i = 0; i < line.size(); i++) {
            String word = line.get(i);
            if (word.equals("--agent") && i + 1 < line.size()) {
                agent = line.get(i + 1);
            } else if (word.startsWith("--agent=")) {
                agent = word.substring("--agent=".length());
            }
        }
        return agent;
    }

    private static Set<String> sorted(Collection<String> values) {
        return new TreeSet<>(values);
    }
}
