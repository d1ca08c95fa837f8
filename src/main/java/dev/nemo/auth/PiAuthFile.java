package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.config.Environment;
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
 * resolves to its value, and a {@code key} starting with {@code !} runs as a shell command whose
 * stdout is the key (10 s limit). nemo never writes this file.
 */
final class PiAuthFile {

    private final KeyReferences keys;
    private final Consumer<String> warn;

    PiAuthFile(Environment env, Consumer<String> warn) {
        this.keys = new KeyReferences(env, warn);
        this.warn = warn;
    }

    /** The entries as {@code auth-profiles.json} profiles, raw, for the first write of a store. */
    static ObjectNode asProfiles(JsonNode root) {
        ObjectNode profiles = JsonNodeFactory.instance.objectNode();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && AuthStoreReader.credential(AuthStoreReader.text(e.getValue(), "type"), e.getValue()) != null) {
                ObjectNode profile = e.getValue().deepCopy();
                String provider = ProviderId.normalize(e.getKey());
                profile.put("provider", provider);
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
                credential = new Credential.ApiKey(keys.resolve(key.key(), id, path));
            }
            profiles.put(id, new AuthProfile(id, provider, credential, AuthStoreReader.text(e.getValue(), "email")));
        }
        return new AuthStore(path, AuthStore.Source.PI_AUTH_JSON, 1, profiles, Map.of(), Map.of(), Map.of());
    }

}
