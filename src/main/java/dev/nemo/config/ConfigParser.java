package dev.nemo.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.config.NemoConfig.AgentDefaults;
import dev.nemo.config.NemoConfig.AgentEntry;
import dev.nemo.config.NemoConfig.AuthConfig;
import dev.nemo.config.NemoConfig.CustomModel;
import dev.nemo.config.NemoConfig.CustomProvider;
import dev.nemo.config.NemoConfig.ModelEntry;
import dev.nemo.config.NemoConfig.ModelsConfig;
import dev.nemo.config.NemoConfig.OAuthConfig;
import dev.nemo.config.NemoConfig.ProfileMeta;
import dev.nemo.config.ProviderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a (substituted) config tree into {@link NemoConfig}, collecting one {@link ConfigIssue}
 * per wrong key instead of stopping at the first, so a user fixes the file in one pass.
 * Keys nemo does not know are ignored here and preserved by writes.
 */
public final class ConfigParser {
    private static final Set<String> API_STYLES = Set.of("openai-completions", "openai-responses",
            "anthropic-messages", "google-generative-ai", "mistral-conversations", "bedrock-converse-stream",
            "ollama", "openai-codex-responses", "github-copilot", "google-vertex");
    private static final Set<String> AUTH_MODES = Set.of("api_key", "oauth", "token");

    private final List<ConfigIssue> issues;

    private ConfigParser(List<ConfigIssue> issues) {
        this.issues = issues;
    }

    public static NemoConfig parse(JsonNode root, List<ConfigIssue> issues) {
        return new ConfigParser(issues).config(root);
    }

    private NemoConfig config(JsonNode root) {
        if (!root.isObject()) {
            issues.add(new ConfigIssue("", "expected an object, found " + kind(root)));
            return NemoConfig.EMPTY;
        }
        JsonNode agents = object(root, "agents", "agents");
        AgentDefaults defaults = agents == null ? AgentDefaults.EMPTY : defaults(agents);
        List<AgentEntry> list = agents == null ? List.of() : agentList(agents);
        JsonNode auth = object(root, "auth", "auth");
        JsonNode models = object(root, "models", "models");
        JsonNode env = object(root, "env", "env");
        JsonNode shellEnv = env == null ? null : object(env, "shellEnv", "env.shellEnv");
        boolean shell = shellEnv != null && bool(shellEnv, "enabled", "env.shellEnv.enabled", false);
        return new NemoConfig(defaults, list, auth == null ? AuthConfig.EMPTY : auth(auth),
                models == null ? ModelsConfig.EMPTY : models(models), shell);
    }

    private AgentDefaults defaults(JsonNode agents) {
        JsonNode d = object(agents, "defaults", "agents.defaults");
        if (d == null) {
            return AgentDefaults.EMPTY;
        }
        Map<String, ModelEntry> allow = new LinkedHashMap<>();
        JsonNode models = object(d, "models", "agents.defaults.models");
        if (models != null) {
            for (var it = models.fields(); it.hasNext(); ) {
                var e = it.next();
                String path = "agents.defaults.models." + e.getKey();
                if (e.getValue().isNull()) {
                    allow.put(e.getKey(), new ModelEntry(null, null));
                } else if (!e.getValue().isObject()) {
                    issues.add(new ConfigIssue(path, "expected an object, found " + kind(e.getValue())));
                } else {
                    String alias = string(e.getValue(), "alias", path + ".alias");
                    allow.put(e.getKey(), new ModelEntry(blankToNull(alias), e.getValue().get("params")));
                }
            }
        }
        return new AgentDefaults(modelSetting(d, "model", "agents.defaults.model"),
                modelSetting(d, "imageModel", "agents.defaults.imageModel"), allow,
                string(d, "workspace", "agents.defaults.workspace"));
    }

    private List<AgentEntry> agentList(JsonNode agents) {
        JsonNode list = agents.get("list");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            issues.add(new ConfigIssue("agents.list", "expected an array, found " + kind(list)));
            return List.of();
        }
        List<AgentEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "agents.list[" + i + "]";
            JsonNode a = list.get(i);
            if (!a.isObject()) {
                issues.add(new ConfigIssue(path, "expected an object, found " + kind(a)));
                continue;
            }
            String id = string(a, "id", path + ".id");
            if (id == null || id.isBlank()) {
                if (a.path("id").isMissingNode() || a.path("id").isNull() || a.path("id").isTextual()) {
                    issues.add(new ConfigIssue(path + ".id", "is required"));
                }
                continue;
            }
            ModelSetting model = a.has("model") ? modelSetting(a, "model", path + ".model") : null;
            out.add(new AgentEntry(id.trim(), bool(a, "default", path + ".default", false),
                    string(a, "name", path + ".name"), string(a, "agentDir", path + ".agentDir"), model));
        }
        return out;
    }

    private AuthConfig auth(JsonNode auth) {
        Map<String, ProfileMeta> profiles = new LinkedHashMap<>();
        JsonNode p = object(auth, "profiles", "auth.profiles");
        if (p != null) {
            for (var it = p.fields(); it.hasNext(); ) {
                var e = it.next();
                String path = "auth.profiles." + e.getKey();
                if (!e.getValue().isObject()) {
                    issues.add(new ConfigIssue(path, "expected an object, found " + kind(e.getValue())));
                    continue;
                }
                String provider = string(e.getValue(), "provider", path + ".provider");
                String mode = string(e.getValue(), "mode", path + ".mode");
                if (provider == null || provider.isBlank()) {
                    issues.add(new ConfigIssue(path + ".provider", "is required"));
                    continue;
                }
                if (mode != null && !AUTH_MODES.contains(mode)) {
                    issues.add(new ConfigIssue(path + ".mode", "must be one of api_key, oauth, token; found \"" + mode + "\""));
                    continue;
                }
                profiles.put(e.getKey(), new ProfileMeta(ProviderId.normalize(provider), mode,
                        string(e.getValue(), "email", path + ".email")));
            }
        }
        Map<String, List<String>> order = new LinkedHashMap<>();
        JsonNode o = object(auth, "order", "auth.order");
        if (o != null) {
            for (var it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                List<String> ids = stringList(e.getValue(), "auth.order." + e.getKey());
                order.put(ProviderId.normalize(e.getKey()), ids.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
            }
        }
        return new AuthConfig(profiles, order);
    }

    private ModelsConfig models(JsonNode models) {
        String mode = string(models, "mode", "models.mode");
        if (mode != null && !mode.equals("merge") && !mode.equals("replace")) {
            issues.add(new ConfigIssue("models.mode", "must be \"merge\" or \"replace\"; found \"" + mode + "\""));
        }
        Map<String, CustomProvider> providers = new LinkedHashMap<>();
        JsonNode p = object(models, "providers", "models.providers");
        if (p != null) {
            for (var it = p.fields(); it.hasNext(); ) {
                var e = it.next();
                CustomProvider provider = customProvider(e.getValue(), "models.providers." + e.getKey());
                if (provider != null) {
                    providers.put(e.getKey(), provider);
                }
            }
        }
        return new ModelsConfig(mode == null ? "merge" : mode, providers);
    }

    private CustomProvider customProvider(JsonNode p, String path) {
        if (!p.isObject()) {
            issues.add(new ConfigIssue(path, "expected an object, found " + kind(p)));
            return null;
        }
        String api = string(p, "api", path + ".api");
        checkApi(api, path + ".api");
        String baseUrl = string(p, "baseUrl", path + ".baseUrl");
        checkUrl(baseUrl, path + ".baseUrl");
        JsonNode apiKey = p.get("apiKey");
        String key = null;
        if (apiKey != null && apiKey.isTextual()) {
            key = blankToNull(apiKey.asText().trim());
        } else if (apiKey != null && apiKey.isObject()) {
            key = "secretref-managed"; // a SecretRef object: a marker, never a literal secret
        } else if (apiKey != null && !apiKey.isNull()) {
            issues.add(new ConfigIssue(path + ".apiKey", "expected a string, found " + kind(apiKey)));
        }
        List<CustomModel> models = new ArrayList<>();
        JsonNode list = p.get("models");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                issues.add(new ConfigIssue(path + ".models", "expected an array, found " + kind(list)));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    CustomModel m = customModel(list.get(i), path + ".models[" + i + "]");
                    if (m != null) {
                        models.add(m);
                    }
                }
            }
        }
        return new CustomProvider(baseUrl, key, string(p, "auth", path + ".auth"), api,
                stringMap(p, "headers", path + ".headers"), p.has("authHeader") ? bool(p, "authHeader", path + ".authHeader", true) : null,
                models, oauth(p, path + ".oauth"), proxy(p, path + ".proxy"), tlsCaFile(p, path + ".tls"));
    }

    private ProxySetting proxy(JsonNode provider, String path) {
        String text = blankToNull(string(provider, "proxy", path));
        if (text == null) {
            return null;
        }
        try {
            return ProxySetting.parse(text);
        } catch (IllegalArgumentException e) {
            issues.add(new ConfigIssue(path, e.getMessage()));
            return null;
        }
    }

    private String tlsCaFile(JsonNode provider, String path) {
        JsonNode tls = object(provider, "tls", path);
        return tls == null ? null : blankToNull(string(tls, "caFile", path + ".caFile"));
    }

    private OAuthConfig oauth(JsonNode provider, String path) {
        JsonNode o = object(provider, "oauth", path);
        if (o == null) {
            return null;
        }
        String clientId = blankToNull(string(o, "clientId", path + ".clientId"));
        if (!given(o, "clientId")) {
            issues.add(new ConfigIssue(path + ".clientId", "is required"));
        }
        String authorizationUrl = oauthUrl(o, "authorizationUrl", path);
        String tokenUrl = oauthUrl(o, "tokenUrl", path);
        String deviceUrl = oauthUrl(o, "deviceAuthorizationUrl", path);
        if (!given(o, "tokenUrl")) {
            issues.add(new ConfigIssue(path + ".tokenUrl", "is required"));
        }
        if (!given(o, "authorizationUrl") && !given(o, "deviceAuthorizationUrl")) {
            issues.add(new ConfigIssue(path, "needs authorizationUrl (browser login with PKCE) or deviceAuthorizationUrl (device login)"));
        }
        List<String> scopes = stringList(o.get("scopes"), path + ".scopes").stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        return new OAuthConfig(clientId, authorizationUrl, tokenUrl, deviceUrl, scopes);
    }

    /** Present with a value (a wrong type is reported by the reader, not again as missing). */
    private static boolean given(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank());
    }

    private String oauthUrl(JsonNode o, String key, String path) {
        String url = blankToNull(string(o, key, path + "." + key));
        int before = issues.size();
        checkUrl(url, path + "." + key);
        return issues.size() == before && url != null ? url.trim() : null;
    }

    private CustomModel customModel(JsonNode m, String path) {
        if (!m.isObject()) {
            issues.add(new ConfigIssue(path, "expected an object, found " + kind(m)));
            return null;
        }
        String id = string(m, "id", path + ".id");
        if (id == null || id.isBlank()) {
            issues.add(new ConfigIssue(path + ".id", "is required"));
            return null;
        }
        String api = string(m, "api", path + ".api");
        checkApi(api, path + ".api");
        List<String> input = m.has("input") ? stringList(m.get("input"), path + ".input") : List.of("text");
        String maxTokensField = null;
        JsonNode compat = m.get("compat");
        if (compat != null && compat.isObject()) {
            maxTokensField = string(compat, "maxTokensField", path + ".compat.maxTokensField");
            if (maxTokensField != null && !maxTokensField.equals("max_tokens") && !maxTokensField.equals("max_completion_tokens")) {
                issues.add(new ConfigIssue(path + ".compat.maxTokensField",
                        "must be \"max_tokens\" or \"max_completion_tokens\"; found \"" + maxTokensField + "\""));
                maxTokensField = null;
            }
        }
        String name = string(m, "name", path + ".name");
        return new CustomModel(id.trim(), name == null ? id.trim() : name, api, bool(m, "reasoning", path + ".reasoning", false),
                input.isEmpty() ? List.of("text") : input, positiveInt(m, "contextWindow", path + ".contextWindow", 200_000),
                positiveInt(m, "maxTokens", path + ".maxTokens", 8192), stringMap(m, "headers", path + ".headers"), maxTokensField);
    }

    private ModelSetting modelSetting(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return ModelSetting.EMPTY;
        }
        if (v.isTextual()) {
            return new ModelSetting(blankToNull(v.asText().trim()), List.of());
        }
        if (!v.isObject()) {
            issues.add(new ConfigIssue(path, "expected a \"provider/model\" string or {primary, fallbacks}, found " + kind(v)));
            return ModelSetting.EMPTY;
        }
        String primary = string(v, "primary", path + ".primary");
        List<String> fallbacks = v.has("fallbacks") ? stringList(v.get("fallbacks"), path + ".fallbacks") : List.of();
        return new ModelSetting(blankToNull(primary == null ? null : primary.trim()),
                fallbacks.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private void checkApi(String api, String path) {
        if (api != null && !API_STYLES.contains(api)) {
            issues.add(new ConfigIssue(path, "unknown API style \"" + api + "\"; expected one of "
                    + String.join(", ", API_STYLES.stream().sorted().toList())));
        }
    }

    private void checkUrl(String url, String path) {
        if (url == null) {
            return;
        }
        try {
            var uri = java.net.URI.create(url.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                issues.add(new ConfigIssue(path, "expected an http(s) URL, found \"" + withoutCredentials(url) + "\""));
            }
        } catch (IllegalArgumentException e) {
            issues.add(new ConfigIssue(path, "expected an http(s) URL, found \"" + withoutCredentials(url) + "\""));
        }
    }

    /** A URL as it may be printed: user info ({@code user:key@}) and the query ({@code ?key=…}) masked. */
    private static String withoutCredentials(String url) {
        return url.replaceAll("^([^/]*//)?[^/?#]*@", "$1***@").replaceAll("\\?.*$", "?***");
    }

    private JsonNode object(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            issues.add(new ConfigIssue(path, "expected an object, found " + kind(v)));
            return null;
        }
        return v;
    }

    private String string(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            issues.add(new ConfigIssue(path, "expected a string, found " + kind(v)));
            return null;
        }
        return v.asText();
    }

    private boolean bool(JsonNode parent, String key, String path, boolean fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            issues.add(new ConfigIssue(path, "expected true or false, found " + kind(v)));
            return fallback;
        }
        return v.asBoolean();
    }

    private int positiveInt(JsonNode parent, String key, String path, int fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
            issues.add(new ConfigIssue(path, "expected a positive integer, found " + v));
            return fallback;
        }
        return v.asInt();
    }

    private List<String> stringList(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            issues.add(new ConfigIssue(path, "expected an array of strings, found " + kind(v)));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                issues.add(new ConfigIssue(path + "[" + i + "]", "expected a string, found " + kind(v.get(i))));
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    private Map<String, String> stringMap(JsonNode parent, String key, String path) {
        JsonNode v = object(parent, key, path);
        if (v == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                issues.add(new ConfigIssue(path + "." + e.getKey(), "expected a string, found " + kind(e.getValue())));
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase();
        };
    }
}
