package dev.nemo.context;

import dev.nemo.auth.AuthStore;
import dev.nemo.auth.AuthStoreReader;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.auth.Redactor;
import dev.nemo.auth.RunSecrets;
import dev.nemo.config.AgentContext;
import dev.nemo.config.AgentLocator;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.StatePaths;
import dev.nemo.models.ModelSelection;
import dev.nemo.providers.ProviderRegistry;
import java.util.function.Consumer;

/** Loads an {@link RunContext}: config first (it names the agents), then the agent's store over the main agent's. */
public final class RunContextLoader {
    private RunContextLoader() {
    }

    public static RunContext load(Environment env, String agentOption, Consumer<String> warn) {
        StatePaths paths = StatePaths.resolve(env);
        ConfigFile.Loaded config = new ConfigFile(paths.configPath(), env).load();
        config.misspellings().forEach(warn);
        AgentLocator locator = new AgentLocator(env, paths, config.config(), warn);
        AgentContext agent = locator.locate(agentOption);
        // An agent picked with --agent inherits the main (default) agent's profiles; the agent dir used
        // without --agent, the default agent's or one named by NEMO_AGENT_DIR, stands alone.
        AgentContext main = agent.explicit() ? locator.defaultAgent() : null;
        AuthStore store = new AuthStoreReader(env, warn).read(agent, main);
        ProviderRegistry providers = new ProviderRegistry(config.config());
        ProviderKeys keys = new ProviderKeys(env, providers);
        ModelSelection models = ModelSelection.of(config.config(), agent);
        Redactor redactor = RunContext.redactorFor(store, providers, keys);
        RunSecrets.remember(redactor);
        return new RunContext(env, paths, config, agent, store, providers, keys, models, redactor);
    }
}
