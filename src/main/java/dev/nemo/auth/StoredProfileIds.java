package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.NemoException;
import dev.nemo.config.AgentContext;
import dev.nemo.json.LenientJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile ids an agent sees, and nothing else: for shell completion, which must be quick and
 * must not do what {@link AuthStoreReader} does for a pi {@code auth.json} (resolve key
 * references, run {@code !command} keys). The agent's own store, or its pi file, plus the main
 * agent's when it inherits from one.
 */
public final class StoredProfileIds {
    private StoredProfileIds() {
    }

    /** @param main the main agent when {@code agent} inherits from it, else null */
    public static Set<String> of(AgentContext agent, AgentContext main) {
        Set<String> ids = new TreeSet<>(own(agent));
        if (main != null && !main.authStorePath().equals(agent.authStorePath())) {
            ids.addAll(own(main));
        }
        return ids;
    }

    private static Set<String> own(AgentContext agent) {
        Set<String> ids = new TreeSet<>();
        String store = read(agent.authStorePath());
        if (store != null) {
            AuthStoreReader.parseStore(agent.authStorePath(), store).get("profiles").fieldNames().forEachRemaining(ids::add);
            return ids;
        }
        String pi = read(agent.piAuthPath());
        if (pi != null) {
            try {
                JsonNode root = LenientJson.parse(pi);
                if (root.isObject()) {
                    PiAuthFile.asProfiles(root, false).fieldNames().forEachRemaining(ids::add);
                }
            } catch (LenientJson.InvalidJsonException e) {
                throw AuthStoreReader.corrupt(agent.piAuthPath(), e.getMessage());
            }
        }
        return ids;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw NemoException.failure("Cannot read " + path);
        }
    }
}
