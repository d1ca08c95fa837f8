package dev.nemo.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The typed view of the keys of {@code nemo.json} that nemo uses; other keys are preserved on write. */
public record NemoConfig(AgentDefaults defaults, List<AgentEntry> agents, AuthConfig auth,
                         ModelsConfig models, boolean shellEnvEnabled) {

    public static final NemoConfig EMPTY = new NemoConfig(AgentDefaults.EMPTY, List.of(), AuthConfig.EMPTY,
            ModelsConfig.EMPTY, false);

    /** {@code agents.defaults}. {@code models} is the allowlist, in file order. */
    public record AgentDefaults(ModelSetting model, ModelSetting imageModel, Map<String, ModelEntry> models,
                                String workspace) {
        public static final AgentDefaults EMPTY = new AgentDefaults(ModelSetting.EMPTY, ModelSetting.EMPTY, Map.of(), null);
    }

    public record ModelEntry(String alias, JsonNode params) {
    }

    /** One entry of {@code agents.list}; {@code model} is null when the agent does not override it. */
    public record AgentEntry(String id, boolean isDefault, String name, String agentDir, ModelSetting model) {
    }

    /** {@code auth}: profile metadata (never secrets) and explicit orders, keyed by normalised provider. */
    public record AuthConfig(Map<String, ProfileMeta> profiles, Map<String, List<String>> order) {
        public static final AuthConfig EMPTY = new AuthConfig(Map.of(), Map.of());
    }

    public record ProfileMeta(String provider, String mode, String email) {
    }

    /** {@code models}: custom providers by id as written (lookup normalises). */
    public record ModelsConfig(String mode, Map<String, CustomProvider> providers) {
        public static final ModelsConfig EMPTY = new ModelsConfig("merge", Map.of());
    }

    /**
     * {@code models.providers.<id>}. {@code proxy} is this provider's own route (null: the
     * environment's {@code HTTPS_PROXY} and kin decide); {@code tlsCaFile} ({@code tls.caFile}) a
     * PEM file of CAs trusted for this provider besides the system's, as written.
     */
    public record CustomProvider(String baseUrl, String apiKey, String auth, String api, Map<String, String> headers,
                                 Boolean authHeader, List<CustomModel> models, OAuthConfig oauth, ProxySetting proxy,
                                 String tlsCaFile) {
        @Override
        public String toString() { // the key and header values may be secrets
            return "CustomProvider[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? null : "***") + ", api=" + api
                    + ", headers=" + (headers == null ? null : headers.keySet()) + ", models=" + models + "]";
        }
    }

    /**
     * {@code models.providers.<id>.oauth}: the endpoints and public client id the generic OAuth
     * flows use. {@code oauth} (authorization code + PKCE) needs the authorization and token URLs,
     * {@code device} (RFC 8628) the device authorization and token URLs.
     */
    public record OAuthConfig(String clientId, String authorizationUrl, String tokenUrl, String deviceAuthorizationUrl,
                              List<String> scopes) {
        public OAuthConfig {
            scopes = List.copyOf(scopes);
        }

        public boolean supportsPkce() {
            return authorizationUrl != null && tokenUrl != null;
        }

        public boolean supportsDevice() {
            return deviceAuthorizationUrl != null && tokenUrl != null;
        }

        /** Space-separated, as the {@code scope} parameter wants it (null when none). */
        public String scope() {
            return scopes.isEmpty() ? null : String.join(" ", scopes);
        }
    }

    public record CustomModel(String id, String name, String api, boolean reasoning, List<String> input,
                              int contextWindow, int maxTokens, Map<String, String> headers, String maxTokensField) {
    }
}
