package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.json.LenientJson;
import dev.nemo.config.LockedFile;
import dev.nemo.json.PrettyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Changes {@code auth-profiles.json}: under the store's lock the file is re-read (so a
 * concurrent writer's profiles are never lost), changed, checked and written atomically with
 * mode 0600 in a 0700 directory. A corrupt file is refused, not replaced.
 */
public final class AuthStoreFile {
    private static final List<String> KEY_ORDER = List.of("version", "profiles", "order", "lastGood", "usageStats");

    private final Path path;
    private final Duration lockTimeout;

    public AuthStoreFile(Path path, Duration lockTimeout) {
        this.path = path;
        this.lockTimeout = lockTimeout;
    }

    public AuthStoreFile(Path path) {
        this(path, LockedFile.DEFAULT_LOCK_TIMEOUT);
    }

    /** Applies {@code mutator} (false = nothing changed, nothing written) and returns whether it wrote. */
    public boolean update(Predicate<ObjectNode> mutator) {
        return change(mutator).isPresent();
    }

    /**
     * What one write did: the store before ({@code null} when there was no file) and after, so
     * the caller can take it back when the other half of its change (the config) fails.
     */
    public record Change(ObjectNode before, ObjectNode after) {
        @Override
        public String toString() {
            return "Change[auth store]"; // the trees hold secrets
        }
    }

    /** As {@link #update}, returning the change made (empty when nothing was written). */
    public Optional<Change> change(Predicate<ObjectNode> mutator) {
        return LockedFile.withLock(path, lockTimeout, () -> {
            boolean existed = Files.exists(path);
            ObjectNode tree = readTree();
            ObjectNode before = existed ? tree.deepCopy() : null;
            if (!mutator.test(tree)) {
                return Optional.empty();
            }
            ObjectNode ordered = ordered(tree);
            AuthStoreReader.parseStore(path, PrettyJson.write(ordered)); // the result must read back
            LockedFile.writeAtomically(path, PrettyJson.write(ordered).getBytes(StandardCharsets.UTF_8));
            return Optional.of(new Change(before, ordered));
        });
    }

    /**
     * Takes {@code change} back: the store returns to what it was (no file, if there was none),
     * unless another writer changed it since, whose change is then kept. True when it was reverted.
     */
    public boolean revert(Change change) {
        return LockedFile.withLock(path, lockTimeout, () -> {
            JsonNode now;
            try {
                now = AuthStoreReader.parseStore(path, Files.readString(path, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return false;
            }
            if (!now.equals(change.after())) {
                return false;
            }
            if (change.before() == null) {
                Files.delete(path);
            } else {
                LockedFile.writeAtomically(path, PrettyJson.write(ordered(change.before())).getBytes(StandardCharsets.UTF_8));
            }
            return true;
        });
    }

    private ObjectNode readTree() throws IOException {
        try {
            JsonNode root = AuthStoreReader.parseStore(path, Files.readString(path, StandardCharsets.UTF_8));
            return (ObjectNode) root;
        } catch (NoSuchFileException e) {
            ObjectNode fresh = JsonNodeFactory.instance.objectNode();
            fresh.put("version", 1);
            fresh.set("profiles", piProfiles());
            return fresh;
        }
    }

    /**
     * The first write of a store next to a pi agent's {@code auth.json} starts from its entries
     * (as written, key references included), since from then on {@code auth-profiles.json} is the
     * store nemo reads. The pi file itself is left as it is.
     */
    private ObjectNode piProfiles() throws IOException {
        Path pi = path.resolveSibling("auth.json");
        try {
            JsonNode root = LenientJson.parse(Files.readString(pi, StandardCharsets.UTF_8));
            return root.isObject() ? PiAuthFile.asProfiles(root, dev.nemo.config.FileTrust.whyUntrusted(pi).isEmpty())
                    : JsonNodeFactory.instance.objectNode();
        } catch (NoSuchFileException e) {
            return JsonNodeFactory.instance.objectNode();
        } catch (LenientJson.InvalidJsonException e) {
            throw AuthStoreReader.corrupt(pi, e.getMessage());
        }
    }

    /** The peer's key order (version, profiles, order, lastGood, usageStats), then any others. */
    private static ObjectNode ordered(ObjectNode tree) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        KEY_ORDER.forEach(k -> {
            if (tree.has(k)) {
                out.set(k, tree.get(k));
            }
        });
        tree.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
