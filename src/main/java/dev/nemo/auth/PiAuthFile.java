package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.json.LenientJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.config.ProviderId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pi coding agent's {@code auth.json}: a flat map {@code provider → credential}, read as
 * {@code <provider>:default} profiles. Like pi, a {@code key} naming a set environment variable
 * resolves to its value, and a {@code key} starting with {@code !} is a shell command whose stdout is
 * the key (see {@link KeyReferences}). nemo never writes this file.
 */
final class PiAuthFile {

    private final KeyReferences keys;
    private final Consumer<String> warn;

    PiAuthFile(KeyReferences keys, Consumer<String> warn) {
        this.keys = keys;
        this.warn = warn;
    }

    /**
     * The entries as {@code auth-profiles.json} profiles, raw, for the first write of a store.
     * Without {@code keepCommands} (the pi file could be changed by another user) a {@code !command}
     * key is left out, so it can never become trusted by moving into nemo's own file.
     */
    static ObjectNode asProfiles(JsonNode root, boolean keepCommands) {
        ObjectNode profiles = JsonNodeFactory.instance.objectNode();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && AuthStoreReader.credential(AuthStoreReader.text(e.getValue(), "type"), e.getValue()) != null) {
                ObjectNode profile = e.getValue().deepCopy();
                String provider = ProviderId.normalize(e.getKey());
                profile.put("provider", provider);
                if (!keepCommands && profile.path("key").asText("").trim().startsWith("!")) {
                    profile.remove("key");
                }
                profiles.set(provider + ":default", profile);
            }
        });
        return profiles;
    }

    AuthStore read(Path path, String text) {
        JsonNode root;
        try {
            root = LenientJson.parse(text);
        } catch (LenientJson.InvalidJsonException e) {
            throw AuthStoreReader.corrupt(path, e.getMessage());
        }
        if (!root.isObject()) {
            throw AuthStoreReader.corrupt(path, "expected a JSON object mapping provider to credential");
        }
        Map<String, AuthProfile> profiles = new LinkedHashMap<>();
        for (var it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            String provider = ProviderId.normalize(e.getKey());
            String id = provider + ":default";
            String type = AuthStoreReader.text(e.getValue(), "type");
            Credential credential = AuthStoreReader.credential(type, e.getValue());
            if (credential == null) {
                warn.accept(path.getFileName() + ": entry \"" + e.getKey() + "\" skipped: unknown type \"" + type + "\"");
                continue;
            }
            if (credential instanceof Credential.ApiKey key && key.key() != null) {
                credential = keys.resolve(key.key(), path);
            }
            profiles.put(id, new AuthProfile(id, provider, credential, AuthStoreReader.text(e.getValue(), "email")));
        }
        return new AuthStore(path, AuthStore.Source.PI_AUTH_JSON, 1, profiles, Map.of(), Map.of(), Map.of());
    }

}
