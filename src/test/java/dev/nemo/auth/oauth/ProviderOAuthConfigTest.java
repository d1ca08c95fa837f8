package dev.nemo.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.ConfigIssue;
import dev.nemo.config.ConfigParser;
import dev.nemo.json.LenientJson;
import dev.nemo.config.NemoConfig;
import dev.nemo.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code models.providers.<id>.oauth}: parsed, validated, and turned into login methods. */
class ProviderOAuthConfigTest {
    private static NemoConfig parse(String json, List<ConfigIssue> issues) throws Exception {
        return ConfigParser.parse(LenientJson.parse(json), issues);
    }

    @Test
    void aCompleteBlockOffersBothFlows() throws Exception {
        List<ConfigIssue> issues = new ArrayList<>();
        NemoConfig config = parse("""
                {"models": {"providers": {"acme": {"baseUrl": "https://api.acme.test/v1", "oauth": {
                  "clientId": "abc", "authorizationUrl": "https://login.acme.test/authorize",
                  "tokenUrl": "https://login.acme.test/token", "deviceAuthorizationUrl": "https://login.acme.test/device",
                  "scopes": ["openid", " email "]}}}}}""", issues);
        assertThat(issues).isEmpty();
        var acme = new ProviderRegistry(config).find("acme").orElseThrow();
        assertThat(acme.oauth().scope()).isEqualTo("openid email");
        assertThat(acme.loginMethods()).containsExactly("api-key", "oauth", "device");
        assertThat(new ProviderRegistry(config).find("openai").orElseThrow().loginMethods()).containsExactly("api-key");
    }

    @Test
    void onlyTheFlowsWhoseEndpointsAreGivenAreOffered() throws Exception {
        List<ConfigIssue> issues = new ArrayList<>();
        NemoConfig config = parse("""
                {"models": {"providers": {"anthropic": {"oauth": {"clientId": "abc",
                  "tokenUrl": "https://t.test/token", "deviceAuthorizationUrl": "https://t.test/device"}}}}}""", issues);
        assertThat(issues).isEmpty();
        var anthropic = new ProviderRegistry(config).find("anthropic").orElseThrow();
        assertThat(anthropic.builtin()).isTrue();
        assertThat(anthropic.loginMethods()).containsExactly("api-key", "device");
    }

    @Test
    void badBlocksAreReportedWithTheirPaths() throws Exception {
        List<ConfigIssue> issues = new ArrayList<>();
        parse("""
                {"models": {"providers": {"acme": {"oauth": {"authorizationUrl": "ftp://x/authorize",
                  "tokenUrl": "not a url", "scopes": "openid"}}}}}""", issues);
        assertThat(issues).extracting(ConfigIssue::toString).containsExactlyInAnyOrder(
                "models.providers.acme.oauth.clientId: is required",
                "models.providers.acme.oauth.authorizationUrl: expected an http(s) URL, found \"ftp://x/authorize\"",
                "models.providers.acme.oauth.tokenUrl: expected an http(s) URL, found \"not a url\"",
                "models.providers.acme.oauth.scopes: expected an array of strings, found a string");
        issues.clear();
        parse("{\"models\": {\"providers\": {\"acme\": {\"oauth\": {\"clientId\": \"a\"}}}}}", issues);
        assertThat(issues).extracting(ConfigIssue::toString).containsExactlyInAnyOrder(
                "models.providers.acme.oauth.tokenUrl: is required",
                "models.providers.acme.oauth: needs authorizationUrl (browser login with PKCE) or deviceAuthorizationUrl (device login)");
    }
}
