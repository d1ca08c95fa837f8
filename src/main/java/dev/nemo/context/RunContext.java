package dev.nemo.context;

import dev.nemo.auth.AuthStore;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.auth.Redactor;
import dev.nemo.auth.RunSecrets;
import dev.nemo.config.AgentContext;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.StatePaths;
import dev.nemo.models.ModelCatalog;
import dev.nemo.models.ModelSelection;
import dev.nemo.models.SelectionEditor;
import dev.nemo.providers.ProviderRegistry;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.Credential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything one command run reads before it acts: paths, config, agent, auth store, providers,
 * selected models, and a redactor that knows every secret among them. Loaded once per run.
 */
public record RunContext(Environment env, StatePaths paths, ConfigFile.Loaded config, AgentContext agent,
                          AuthStore store, ProviderRegistry providers, ProviderKeys keys, ModelSelection models,
                          Redactor redactor) {

    /**
     * Every secret value this run could print by mistake: stored credentials (the main agent's
     * too, even those the agent's own profiles shadow), env and config keys.
     */
    public static Redactor redactorFor(AuthStore store, ProviderRegistry providers, ProviderKeys keys) {
        Set<String> secrets = new LinkedHashSet<>();
        List<AuthProfile> stored = new ArrayList<>(store.profiles().values());
        if (store.inherited() != null) {
            stored.addAll(store.inherited().store().profiles().values());
        }
        stored.forEach(p -> {
            secrets.add(p.credential().secret());
            if (p.credential() instanceof dev.nemo.auth.Credential.OAuth o) {
                secrets.add(o.refresh());
            }
        });
        for (var provider : providers.all()) {
            keys.envKey(provider.id()).ifPresent(k -> secrets.add(k.value()));
            keys.configKey(provider.id()).filter(k -> !k.marker()).ifPresent(k -> secrets.add(k.value()));
        }
        return Redactor.preparing(secrets);
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
        // A refresh of an own profile wrote auth-profiles.json (started from the pi agent's auth.json if that
        // was the source); one of an inherited profile wrote the main agent's store.
        boolean ownWritten = renewed.keySet().stream().anyMatch(id -> !old.inheritsProfile(id));
        AuthStore renewedStore = new AuthStore(ownWritten ? agent.authStorePath() : old.path(),
                ownWritten ? AuthStore.Source.AUTH_PROFILES : old.source(), old.version(), profiles,
                old.order(), old.lastGood(), old.usageStats(), old.inherited());
        Redactor renewedRedactor = redactorFor(renewedStore, providers, keys);
        for (String s : previous) {
            if (s != null) {
                renewedRedactor = renewedRedactor.with(s);
            }
        }
        RunSecrets.remember(renewedRedactor);
        return new RunContext(env, paths, config, agent, renewedStore, providers, keys, models, renewedRedactor);
    }

    /** The {@code auth-profiles.json} a change to {@code profileId} goes to: the main agent's for an inherited profile. */
    public Path storePathOf(String profileId) {
        return store.inheritsProfile(profileId) ? store.inherited().main().authStorePath() : agent.authStorePath();
    }

    /**
     * This context with the {@code !command} keys of the {@code needed} profiles run, for a command
     * about to send keys (probes, scan); the redactor then knows their values too.
     */
    public RunContext withKeyCommandsRun(java.util.function.Predicate<AuthProfile> needed, java.util.function.Consumer<String> warn) {
        AuthStore resolved = store.withKeyCommandsRun(env, needed, warn);
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

    /**
     * The explicit profile order of {@code provider}: the agent store's override, else the config's
     * {@code auth.order}; null when neither sets one (then every profile counts, in file order).
     */
    public List<String> authOrder(String provider) {
        List<String> stored = store.order().get(provider);
        return stored != null ? stored : config.config().auth().order().get(provider);
    }

    /** {@code <id> (<email>)}, the email by the one rule of {@link AuthProfile#displayLabel}. */
    public String profileLabel(AuthProfile profile) {
        return profile.displayLabel(config.config().auth());
    }

    /** The known models: the built-in catalogue merged with the config's providers. */
    public ModelCatalog catalog() {
        return ModelCatalog.load(config.config(), providers);
    }

    /** Edits this run's config file; a model missing from the catalogue is refused (no {@code --force} here). */
    public SelectionEditor selectionEditor(Consumer<String> warn) {
        return new SelectionEditor(new ConfigFile(config.path(), env), catalog(), warn, false);
    }
}
