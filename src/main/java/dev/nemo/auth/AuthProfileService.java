package dev.nemo.auth;

import dev.nemo.text.PrintableText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.AuthStore;
import dev.nemo.auth.AuthStoreFile;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.AgentContext;
import dev.nemo.providers.ProviderRegistry;
import dev.nemo.config.ProviderId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Adds, removes and orders auth profiles. The secret goes to the agent's store (locked, atomic,
 * 0600); routing metadata ({@code provider}, {@code mode}, never a secret) to the config's
 * {@code auth.profiles}, and a new profile moves to the front of an existing {@code auth.order}.
 * Profiles the agent inherits from the main agent are read, never copied: every write changes
 * the agent's own file as it is on disk, and an inherited profile is removed from the main agent.
 */
public final class AuthProfileService {
    private final Environment env;
    private final Path configPath;
    private final AgentContext agent;
    private final AuthStore store;
    private final ProviderRegistry providers;
    private final AuthStoreFile storeFile;

    /** Edits {@code agent}'s store as read into {@code store}, and the config at {@code configPath}. */
    public AuthProfileService(Environment env, Path configPath, AgentContext agent, AuthStore store, ProviderRegistry providers) {
        this.env = env;
        this.configPath = configPath;
        this.agent = agent;
        this.store = store;
        this.providers = providers;
        this.storeFile = new AuthStoreFile(agent.authStorePath());
    }

    public Path storePath() {
        return agent.authStorePath();
    }

    public Path configPath() {
        return configPath;
    }

    /** A known provider id (built-in or configured), normalised; anything else is a usage error. */
    public String provider(String raw) {
        if (raw == null || raw.isBlank()) {
            throw NemoException.usage("Missing --provider.");
        }
        String id = ProviderId.normalize(raw);
        if (providers.find(id).isEmpty()) {
            throw NemoException.usage("Unknown provider " + PrintableText.quote(raw.trim()) + ". Known providers: "
                    + String.join(", ", providers.all().stream().map(p -> p.id()).sorted().toList())
                    + " (see `nemo plugins list`).");
        }
        return id;
    }

    /** The refusal to replace an existing profile without {@code --force}. */
    public static NemoException exists(String profileId, Path store) {
        return NemoException.failure("Auth profile " + profileId + " already exists in " + store
                + "; nothing was changed. Pass --force to replace it, or choose another --profile-id.");
    }

    /** @param replace whether an existing profile of that id may be replaced (else the save is refused, nothing changed) */
    public void saveToken(String provider, String profileId, String token, Long expires, boolean replace) {
        ObjectNode credential = entry(CredentialKind.TOKEN, provider).put("token", token);
        if (expires != null) {
            credential.put("expires", expires);
        }
        save(provider, profileId, credential, CredentialKind.TOKEN, replace);
    }

    public void saveApiKey(String provider, String profileId, String key, boolean replace) {
        save(provider, profileId, entry(CredentialKind.API_KEY, provider).put("key", key), CredentialKind.API_KEY, replace);
    }

    public void saveOAuth(String provider, String profileId, ObjectNode credential, boolean replace) {
        save(provider, profileId, credential, CredentialKind.OAUTH, replace);
    }

    /**
     * One command, one effect: the store is written while the config's lock is held (lock order:
     * config, then store), after the new config has been validated and just before it is written;
     * a config that cannot be locked or is invalid leaves the store unchanged, and a config write
     * that fails takes the store's change back.
     */
    private static ObjectNode entry(CredentialKind kind, String provider) {
        return JsonNodeFactory.instance.objectNode().put("type", kind.wireName()).put("provider", provider);
    }

    private void save(String provider, String profileId, ObjectNode credential, CredentialKind mode, boolean replace) {
        alongsideConfig(tree -> {
            ObjectNode auth = child(tree, "auth");
            ObjectNode meta = JsonNodeFactory.instance.objectNode().put("provider", provider).put("mode", mode.wireName());
            JsonNode old = auth.path("profiles").path(profileId);
            if (credential.path("email").isTextual()) {
                // The config expands ${VAR} in every string: an email is written so it reads back as it is.
                meta.put("email", credential.path("email").asText().replace("${", "$${"));
            } else if (old.path("email").isTextual()) {
                meta.put("email", old.path("email").asText());
            }
            child(auth, "profiles").set(profileId, meta);
            JsonNode order = auth.path("order").path(provider);
            if (order.isArray()) {
                ArrayNode front = JsonNodeFactory.instance.arrayNode().add(profileId);
                order.forEach(id -> {
                    if (!id.asText().equals(profileId)) {
                        front.add(id);
                    }
                });
                child(auth, "order").set(provider, front);
            }
            return true;
        }, store -> {
            // Checked again under the lock: another process may have added it since the command looked.
            if (!replace && store.get("profiles").has(profileId)) {
                throw exists(profileId, storePath());
            }
            ((ObjectNode) store.get("profiles")).set(profileId, credential);
            return true;
        });
    }

    /**
     * Removes the profile from the store (with its order, lastGood and usage entries) and the
     * config, and returns the files it changed. The config's entry stays when the main agent
     * keeps a profile with the same id, which the removed one shadowed: the entry describes it too.
     */
    public List<Path> remove(String profileId) {
        AuthProfile profile = store.profiles().get(profileId);
        if (profile == null) {
            throw NemoException.failure("Auth profile " + PrintableText.quote(profileId) + " not found in " + storePath() + ".");
        }
        if (store.inheritsProfile(profileId)) {
            throw NemoException.failure("Auth profile \"" + profileId + "\" is inherited from the main agent's "
                    + store.inherited().store().path() + ", not stored in " + storePath() + "; remove it from the main agent"
                    + (store.inherited().main().agentId() != null ? " (--agent " + store.inherited().main().agentId() + ")" : "")
                    + ".");
        }
        boolean shadowsMain = store.inherited() != null && store.inherited().store().profiles().containsKey(profileId);
        if (store.source() == AuthStore.Source.PI_AUTH_JSON) {
            throw NemoException.failure("Auth profile \"" + profileId + "\" comes from the pi agent's " + store.path()
                    + ", which nemo never modifies; remove it there.");
        }
        alongsideConfig(tree -> {
            if (shadowsMain) {
                return false; // the config's entry describes the main agent's profile of that id too
            }
            JsonNode auth = tree.path("auth");
            boolean changed = auth.path("profiles") instanceof ObjectNode profiles && profiles.remove(profileId) != null;
            return removeFromLists(auth.path("order"), profileId) || changed;
        }, store -> {
            ((ObjectNode) store.get("profiles")).remove(profileId);
            removeFromLists(store.path("order"), profileId);
            if (store.path("lastGood") instanceof ObjectNode lastGood) {
                List<String> providers = new ArrayList<>();
                lastGood.fields().forEachRemaining(e -> {
                    if (e.getValue().asText().equals(profileId)) {
                        providers.add(e.getKey());
                    }
                });
                providers.forEach(lastGood::remove);
            }
            if (store.path("usageStats") instanceof ObjectNode stats) {
                stats.remove(profileId);
            }
            return true;
        });
        return shadowsMain ? List.of(storePath()) : List.of(storePath(), configPath);
    }

    /** Changes the config and the store as one (see {@link #save}): both, or neither. */
    private void alongsideConfig(java.util.function.Predicate<ObjectNode> configChange,
                                 java.util.function.Predicate<ObjectNode> storeChange) {
        AtomicReference<AuthStoreFile.Change> done = new AtomicReference<>();
        try {
            new ConfigFile(configPath, env).update(configChange, () -> storeFile.change(storeChange).ifPresent(done::set));
        } catch (RuntimeException e) {
            AuthStoreFile.Change change = done.get();
            if (change != null) {
                try {
                    storeFile.revert(change);
                } catch (RuntimeException revertFailed) {
                    throw NemoException.failure(e.getMessage() + " The auth store " + storePath()
                            + " was changed and could not be restored: " + revertFailed.getMessage());
                }
            }
            throw e;
        }
    }

    /** The per-agent order override of {@code provider}, if any: the agent's own, else the main agent's. */
    public Optional<List<String>> order(String provider) {
        return Optional.ofNullable(store.order().get(provider));
    }

    /** The main agent's store when {@link #order} comes from it, else empty. */
    public Optional<Path> orderInheritedFrom(String provider) {
        return store.inheritsOrder(provider) ? Optional.of(store.inherited().store().path()) : Optional.empty();
    }

    /** The main agent's own order override of {@code provider}, which applies when the agent has none. */
    public Optional<List<String>> mainOrder(String provider) {
        return store.inherited() == null ? Optional.empty() : Optional.ofNullable(store.inherited().store().order().get(provider));
    }

    /** The main agent's store this agent inherits from, if any. */
    public Optional<Path> inheritedStorePath() {
        return store.inherited() == null ? Optional.empty() : Optional.of(store.inherited().store().path());
    }

    public List<String> setOrder(String provider, List<String> rawIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(rawIds.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
        if (ids.isEmpty()) {
            throw NemoException.usage("Missing profile ids. Provide one or more profile ids.");
        }
        for (String id : ids) {
            AuthProfile p = store.profiles().get(id);
            if (p == null) {
                throw NemoException.usage("Auth profile " + PrintableText.quote(id) + " not found in " + storePath()
                        + inheritedStorePath().map(main -> " or the main agent's " + main).orElse("") + ".");
            }
            if (!p.provider().equals(provider)) {
                throw NemoException.usage("Auth profile \"" + id + "\" is for " + p.provider() + ", not " + provider + ".");
            }
        }
        storeFile.update(tree -> {
            ArrayNode list = child(tree, "order").putArray(provider);
            ids.forEach(list::add);
            return true;
        });
        return ids;
    }

    /** Removes the per-agent override; false when there was none. */
    public boolean clearOrder(String provider) {
        return storeFile.update(tree -> tree.path("order") instanceof ObjectNode order && order.remove(provider) != null);
    }

    private static boolean removeFromLists(JsonNode lists, String profileId) {
        boolean changed = false;
        if (lists instanceof ObjectNode object) {
            for (var it = object.fields(); it.hasNext(); ) {
                if (it.next().getValue() instanceof ArrayNode array) {
                    for (int i = array.size() - 1; i >= 0; i--) {
                        if (array.get(i).asText().equals(profileId)) {
                            array.remove(i);
                            changed = true;
                        }
                    }
                }
            }
        }
        return changed;
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }
}
