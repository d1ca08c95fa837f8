package dev.nemo.context;

import dev.nemo.auth.AuthStore;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.auth.Redactor;
import dev.nemo.config.AgentContext;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.StatePaths;
import dev.nemo.model.ModelSelection;
import dev.nemo.provider.ProviderRegistry;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Everything one command run reads before it acts: paths, config, agent, auth store, providers,
 * selected models, and a redactor that knows every secret among them. Loaded once per run.
 */
public record RunContext(Environment env, StatePaths paths, ConfigFile.Loaded config, AgentContext agent,
                          AuthStore store, ProviderRegistry providers, ProviderKeys keys, ModelSelection models,
                          Redactor redactor) {

    /** Every secret value this run could print by mistake: stored credentials, env and config keys. */
    public static Redactor redactorFor(AuthStore store, ProviderRegistry providers, ProviderKeys keys) {
        Set<String> secrets = new LinkedHashSet<>();
        store.profiles().values().forEach(p -> {
            secrets.add(p.credential().secret());
            if (p.credential() instanceof dev.nemo.auth.Credential.OAuth o) {
                secrets.add(o.refresh());
            }
        });
        for (var provider : providers.all()) {
            keys.envKey(provider.id()).ifPresent(k -> secrets.add(k.value()));
            keys.configKey(provider.id()).filter(k -> !k.marker()).ifPresent(k -> secrets.add(k.value()));
        }
        return new Redactor(secrets);
    }
}
