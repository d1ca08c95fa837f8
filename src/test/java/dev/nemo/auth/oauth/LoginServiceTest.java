package dev.nemo.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.NemoException;
import dev.nemo.auth.AuthProfileService;
import dev.nemo.auth.CredentialKind;
import dev.nemo.config.Environment;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.net.NetworkSettings;
import dev.nemo.testing.FakeOAuthServer;
import dev.nemo.testing.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login workflow without a process: method check, profile write, default model. */
class LoginServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-proj-aaaa1111bbbb2222cccc";
    private static final Function<String, String> NO_KEY = id -> {
        throw new AssertionError("the key must not be asked for");
    };

    @TempDir
    Path home;
    Path config;
    final List<String> said = new ArrayList<>();

    @BeforeEach
    void setUp() {
        config = Fixture.write(home.resolve(".nemo/nemo.json"), "{\"agents\": {\"defaults\": {\"model\": \"anthropic/claude-opus-4-6\"}}}");
    }

    private LoginService service() {
        RunContext ctx = RunContextLoader.load(new Environment(Map.of("HOME", home.toString(),
                "NEMO_STATE_DIR", home.resolve(".nemo").toString())), null, said::add);
        AuthProfileService profiles = new AuthProfileService(ctx.env(), ctx.config().path(), ctx.agent(), ctx.store(), ctx.providers());
        return new LoginService(profiles, ctx.providers(), ctx.catalog(), () -> ctx.selectionEditor(said::add),
                () -> NetworkSettings.of(ctx.env(), ctx.config()));
    }

    private JsonNode storedProfiles() throws Exception {
        return JSON.readTree(Files.readString(home.resolve(".nemo/agents/main/agent/auth-profiles.json"))).path("profiles");
    }

    /** No profile exists before these logins, so nothing is ever to be replaced. */
    private static final java.util.function.Predicate<String> NEW_ONLY = id -> false;

    private JsonNode configTree() throws Exception {
        return JSON.readTree(Files.readString(config));
    }

    @Test
    void anApiKeyLoginStoresTheProfileAndOffersTheProvidersFirstModel() throws Exception {
        LoginService.Login login = service().login(new LoginService.Request("OpenAI", "api-key", null, false), id -> KEY, NEW_ONLY, said::add);
        assertThat(login.provider()).isEqualTo("openai");
        assertThat(login.profileId()).isEqualTo("openai:default");
        assertThat(login.kind()).isEqualTo(CredentialKind.API_KEY);
        assertThat(login.defaultModel()).startsWith("openai/");
        assertThat(login.defaultSet()).isFalse();
        assertThat(storedProfiles().path("openai:default").path("key").asText()).isEqualTo(KEY);
        assertThat(configTree().at("/auth/profiles/openai:default/mode").asText()).isEqualTo("api_key");
        assertThat(configTree().at("/agents/defaults/model").asText()).isEqualTo("anthropic/claude-opus-4-6");
    }

    @Test
    void setDefaultMakesTheProvidersFirstModelTheAgentsDefault() throws Exception {
        LoginService.Login login = service().login(new LoginService.Request("openai", "api-key", "openai:work", true), id -> KEY,
                NEW_ONLY, said::add);
        assertThat(login.defaultSet()).isTrue();
        assertThat(configTree().at("/agents/defaults/model/primary").asText()).isEqualTo(login.defaultModel());
        assertThat(storedProfiles().has("openai:work")).isTrue();
    }

    @Test
    void aMethodTheProviderLacksIsAUsageErrorBeforeAnythingIsAsked() {
        assertThatThrownBy(() -> service().login(new LoginService.Request("openai", "device", null, false), NO_KEY, NEW_ONLY, said::add))
                .isInstanceOfSatisfying(NemoException.class, e -> {
                    assertThat(e.kind()).isEqualTo(NemoException.Kind.USAGE);
                    assertThat(e.getMessage()).contains("available: api-key").contains("models.providers.openai.oauth");
                });
        assertThat(home.resolve(".nemo/agents/main/agent/auth-profiles.json")).doesNotExist();
    }

    @Test
    void aKeyWithWhitespaceIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> service().login(new LoginService.Request("openai", "api-key", null, false),
                id -> "sk-proj aaaa", NEW_ONLY, said::add)).isInstanceOf(NemoException.class).hasMessageContaining("whitespace");
        assertThat(home.resolve(".nemo/agents/main/agent/auth-profiles.json")).doesNotExist();
    }

    @Test
    void aDeviceLoginStoresAnOAuthProfileNamedByTheEmail() throws Exception {
        try (FakeOAuthServer oauth = new FakeOAuthServer()) {
            oauth.pendingPolls(1).email("dev@example.com", false);
            Fixture.write(config, """
                    {"models": {"providers": {"acme": {"baseUrl": "http://127.0.0.1:9/v1", "models": [{"id": "small"}],
                      "oauth": %s}}}}
                    """.formatted(oauth.configBlock()));
            LoginService.Login login = service().login(new LoginService.Request("acme", "device", null, false), NO_KEY, NEW_ONLY, said::add);
            assertThat(login.profileId()).isEqualTo("acme:dev@example.com");
            assertThat(login.kind()).isEqualTo(CredentialKind.OAUTH);
            assertThat(login.defaultModel()).isEqualTo("acme/small");
            assertThat(said).anyMatch(l -> l.contains("enter the code"));
            assertThat(storedProfiles().path("acme:dev@example.com").path("access").asText()).isEqualTo(oauth.lastIssuedAccess());
        }
    }
}
