package dev.nemo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.NemoException;
import dev.nemo.config.AgentContext;
import dev.nemo.config.Environment;
import dev.nemo.json.LenientJson;
import dev.nemo.config.ProviderId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads an agent's credentials: {@code auth-profiles.json}, or when it is absent the pi coding
 * agent's {@code auth.json} (read only, never modified). Entries of an unknown type or without a
 * provider are skipped with a warning; a file that is not JSON, or has no {@code profiles}
 * object, is an error naming the file, and is left as it is.
 */
public final class AuthStoreReader {
    private final Environment env;
    private final Consumer<String> warn;
    private final KeyReferences keys;

    public AuthStoreReader(Environment env, Consumer<String> warn) {
        this.env = env;
        this.warn = warn;
        this.keys = new KeyReferences(env, warn);
    }

    /**
     * {@code agent}'s store over the {@code main} agent's (reference §1.4), so an agent without a
     * profile of its own for a provider uses the main agent's; just {@code agent}'s store when it
     * is the main agent or {@code main} is null.
     */
    public AuthStore read(AgentContext agent, AgentContext main) {
        AuthStore own = read(agent);
        if (main == null || main.authStorePath().equals(agent.authStorePath())) {
            return own;
        }
        return own.over(main, read(main));
    }

    /** {@code agent}'s own store, inheriting nothing. */
    public AuthStore read(AgentContext agent) {
        Path storePath = agent.authStorePath();
        String text = readIfExists(storePath);
        if (text != null) {
            // Each profile is read as the parser reaches it, never as part of one tree of them all.
            Map<String, AuthProfile> profiles = new LinkedHashMap<>();
            JsonNode rest = parseStore(storePath, text, (id, node) -> {
                AuthProfile profile = profile(id, node, storePath);
                if (profile != null) {
                    profiles.put(id, profile);
                }
            });
            return fromTree(storePath, rest, profiles);
        }
        Path piPath = agent.piAuthPath();
        String pi = readIfExists(piPath);
        if (pi != null) {
            return new PiAuthFile(keys, warn).read(piPath, pi);
        }
        return new AuthStore(storePath, AuthStore.Source.NONE, 1, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Parses and checks the store's outline; used by reads and, inside the lock, by writes. */
    public static JsonNode parseStore(Path path, String text) {
        return parseStore(path, text, null);
    }

    /** The same, with each entry of {@code profiles} handed to {@code profile} as it is read (the tree's is then empty). */
    private static JsonNode parseStore(Path path, String text, BiConsumer<String, JsonNode> profile) {
        JsonNode root;
        try {
            root = profile == null ? LenientJson.parse(text) : LenientJson.parse(text, "profiles", profile);
        } catch (LenientJson.InvalidJsonException e) {
            throw corrupt(path, e.getMessage());
        }
        if (!root.isObject()) {
            throw corrupt(path, "expected a JSON object");
        }
        if (!root.path("profiles").isObject()) {
            throw corrupt(path, "expected a \"profiles\" object");
        }
        return root;
    }

    private static AuthStore fromTree(Path path, JsonNode root, Map<String, AuthProfile> profiles) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (var it = root.path("order").fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    ids.add(v.asText().trim());
                }
            });
            if (!ids.isEmpty()) {
                order.put(ProviderId.normalize(e.getKey()), ids);
            }
        }
        Map<String, String> lastGood = new LinkedHashMap<>();
        root.path("lastGood").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                lastGood.put(ProviderId.normalize(e.getKey()), e.getValue().asText());
            }
        });
        Map<String, UsageStats> usage = new LinkedHashMap<>();
        root.path("usageStats").fields().forEachRemaining(e -> usage.put(e.getKey(), usageStats(e.getValue())));
        int version = root.path("version").canConvertToInt() ? root.path("version").asInt(1) : 1;
        return new AuthStore(path, AuthStore.Source.AUTH_PROFILES, version, profiles, order, lastGood, usage);
    }

    private AuthProfile profile(String id, JsonNode node, Path path) {
        String type = text(node, "type");
        String provider = text(node, "provider");
        if (provider == null || provider.isBlank()) {
            warn.accept(path.getFileName() + ": profile \"" + id + "\" skipped: it has no provider");
            return null;
        }
        Credential credential = credential(type, node);
        if (credential instanceof Credential.ApiKey key && key.key() != null) {
            credential = keys.resolve(key.key(), path);
        }
        if (credential == null) {
            warn.accept(path.getFileName() + ": profile \"" + id + "\" skipped: unknown type \"" + type
                    + "\" (expected api_key, token or oauth)");
            return null;
        }
        return new AuthProfile(id, ProviderId.normalize(provider), credential, text(node, "email"));
    }

    /** The credential of a stored entry whose {@code type} is {@code type}; null for a type that is no {@link CredentialKind}. */
    public static Credential credential(String type, JsonNode node) {
        return CredentialKind.fromWireName(type).map(kind -> credential(kind, node)).orElse(null);
    }

    public static Credential credential(CredentialKind kind, JsonNode node) {
        return switch (kind) {
            case API_KEY -> new Credential.ApiKey(text(node, "key"));
            case TOKEN -> new Credential.Token(text(node, "token"), millis(node, "expires"));
            case OAUTH -> new Credential.OAuth(text(node, "access"), text(node, "refresh"), millis(node, "expires"),
                    text(node, "clientId"), text(node, "accountId"), text(node, "projectId"), text(node, "enterpriseUrl"));
        };
    }

    private static UsageStats usageStats(JsonNode n) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        n.path("failureCounts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return new UsageStats(millis(n, "lastUsed"), millis(n, "cooldownUntil"), millis(n, "disabledUntil"),
                text(n, "disabledReason"), n.path("errorCount").isNumber() ? n.path("errorCount").asInt() : null, counts,
                millis(n, "lastFailureAt"));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    static Long millis(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    private static String readIfExists(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw NemoException.failure("Cannot read auth store " + path + ": " + dev.nemo.config.LockedFile.describe(e));
        }
    }

    static NemoException corrupt(Path path, String reason) {
        return NemoException.failure("Invalid auth store " + path + ": " + reason
                + ". The file was left as it is; fix or move it, then retry.");
    }
}
