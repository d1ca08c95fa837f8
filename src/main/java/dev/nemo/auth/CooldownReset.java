package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.text.EditDistance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes profiles usable again ({@code models auth clear-cooldown}): in {@code usageStats} the
 * cooldown, the disable (with its reason), {@code errorCount} and {@code failureCounts} are reset;
 * {@code lastUsed} and {@code lastFailureAt} stay, they are history rather than state. Each store
 * is changed under its lock. An agent's view merges the main agent's {@code usageStats}, so an
 * entry recorded in the main agent's store is reset there too (as a refreshed inherited token is
 * written there): otherwise the profile would stay in cooldown for this agent.
 */
public final class CooldownReset {
    private static final List<String> STATE_FIELDS = List.of("cooldownUntil", "disabledUntil", "disabledReason", "failureCounts");

    private final AuthStore store;
    private final Path ownStorePath;

    /** @param ownStorePath the agent's own {@code auth-profiles.json} (the view's {@code path} may name the pi file) */
    public CooldownReset(AuthStore store, Path ownStorePath) {
        this.store = store;
        this.ownStorePath = ownStorePath;
    }

    /** The profiles reset and the files written; both empty when there was nothing to reset. */
    public record Result(List<String> profileIds, List<Path> written) {
    }

    /** Resets one profile; an id the store does not know is a usage error with a "did you mean". */
    public Result clear(String profileId) {
        String id = profileId.trim();
        Set<String> known = new TreeSet<>(store.profiles().keySet());
        known.addAll(store.usageStats().keySet());
        if (!known.contains(id)) {
            throw NemoException.usage("Unknown auth profile \"" + id + "\""
                    + EditDistance.closest(id, known).map(c -> "; did you mean \"" + c + "\"?").orElse("")
                    + (known.isEmpty() ? " (the store has no profiles)" : " (profiles: " + String.join(", ", known) + ")"));
        }
        return reset(Set.of(id));
    }

    /** Resets every profile that has a cooldown, a disable or failure counts. */
    public Result clearAll() {
        return reset(store.usageStats().keySet());
    }

    private Result reset(Set<String> ids) {
        List<String> withState = ids.stream().filter(id -> {
            UsageStats stats = store.usageStats().get(id);
            return stats != null && stats.hasState();
        }).sorted().toList();
        if (withState.isEmpty()) {
            return new Result(List.of(), List.of()); // nothing is written, not even a lock file
        }
        Set<Path> stores = new LinkedHashSet<>();
        stores.add(ownStorePath);
        if (store.inherited() != null) {
            stores.add(store.inherited().store().path());
        }
        List<Path> written = new ArrayList<>();
        for (Path path : stores) {
            if (Files.isRegularFile(path) && new AuthStoreFile(path).update(tree -> resetIn(tree, withState))) {
                written.add(path);
            }
        }
        return new Result(withState, written);
    }

    private static boolean resetIn(ObjectNode tree, List<String> ids) {
        boolean changed = false;
        if (tree.path("usageStats") instanceof ObjectNode stats) {
            for (String id : ids) {
                if (stats.get(id) instanceof ObjectNode entry) {
                    for (String field : STATE_FIELDS) {
                        changed |= entry.remove(field) != null;
                    }
                    JsonNode errors = entry.get("errorCount");
                    if (errors != null && !(errors.isNumber() && errors.asLong() == 0)) {
                        entry.put("errorCount", 0);
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }
}
