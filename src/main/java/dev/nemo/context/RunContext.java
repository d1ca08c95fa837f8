package dev.nemo.context;

import dev.nemo.auth.AuthStore;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.auth.Redactor;
import dev.nemo.auth.RunSecrets;
import dev.nemo.config.AgentContext;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.StatePaths;
import dev.nemo.models.ModelSelection;
import dev.nemo.providers.ProviderRegistry;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.Credential;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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

    /** This context with the renewed profiles in place and a redactor that knows old and new tokens. */
    public RunContext withRenewed(Map<String, AuthProfile> renewed) {
        AuthStore old = store;
        Map<String, AuthProfile> profiles = new LinkedHashMap<>(old.profiles());
        Set<String> previous = new LinkedHashSet<>();
        renewed.forEach((id, p) -> {
            AuthProfile before = profiles.put(id, p);
            if (before != null && before.credential() instanceof Credential.OAuth o) {
                previous.add(o.access());
                previous.add(o.refresh());
            }
        });
        // The refresh wrote auth-profiles.json (started from the pi agent's auth.json if that was the source).
        AuthStore renewedStore = new AuthStore(agent.authStorePath(), AuthStore.Source.AUTH_PROFILES, old.version(), profiles,
                old.order(), old.lastGood(), old.usageStats());
        Redactor renewedRedactor = redactorFor(renewedStore, providers, keys);
        for (String s : previous) {
            if (s != null) {
                renewedRedactor = renewedRedactor.with(s);
            }
        }
        RunSecrets.remember(renewedRedactor);
        return new RunContext(env, paths, config, agent, renewedStore, providers, keys, models, renewedRedactor);
    }

    /**
     * This context with the {@code !command} keys of the {@code needed} profiles run, for a command
     * about to send keys (probes, scan); the redactor then knows their values too.
     */
    public RunContext withKeyCommandsRun(java.util.function.Predicate<AuthProfile> needed, java.util.function.Consumer<String> warn) {
        AuthStore resolved = store.withKeyCommandsRun(needed, warn);
        if (resolved == store) {
            return this;
        }
        Redactor known = redactor;
        for (AuthProfile p : resolved.profiles().values()) {
            if (store.profiles().get(p.id()) != p && p.credential().secret() != null) {
                known = known.with(p.credential().secret());
            }
        }
        RunSecrets.remember(known);
        return new RunContext(env, paths, config, agent, resolved, providers, keys, models, known);
    }

    /** True when {@code provider} has any credential: a stored profile, an env key or a config key. */
    public boolean hasAuth(String provider) {
        return !store.profilesOf(provider).isEmpty() || keys.envKey(provider).isPresent() || keys.configKey(provider).isPresent();
    }
}
