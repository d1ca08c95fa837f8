package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth order get|set|clear}: the per-agent order override in the store. */
class AuthOrderIT {
    @TempDir
    Path home;
    NemoRun nemo;
    Path workStore;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.write(Fixture.config(nemo), """
                {"agents": {"list": [{"id": "main", "default": true}, {"id": "work", "agentDir": "~/work-agent"}]}}
                """);
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1, "profiles": {
                  "anthropic:a": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-a"},
                  "anthropic:b": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-b"},
                  "openai:x": {"type": "api_key", "provider": "openai", "key": "sk-x"}
                }}
                """);
        workStore = Fixture.write(home.resolve("work-agent/auth-profiles.json"), """
                {"version": 1, "profiles": {
                  "anthropic:w1": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-w1"},
                  "anthropic:w2": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-w2"}
                }}
                """);
    }

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void getWithoutOverrideSaysNoneInText() {
        NemoRun.Result r = nemo.run("models", "auth", "order", "get", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("""
                Agent: main
                Provider: anthropic
                Auth file: ~/.nemo/agents/main/agent/auth-profiles.json
                Order override: (none)
                """);
    }

    @Test
    void getWithoutOverrideHasOrderNullInJson() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "order", "get", "--provider", "anthropic", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.has("order")).isTrue();
        assertThat(json.get("order").isNull()).isTrue();
        assertThat(json.path("agentId").asText()).isEqualTo("main");
        assertThat(json.path("provider").asText()).isEqualTo("anthropic");
        assertThat(json.path("authStorePath").asText()).isEqualTo(Fixture.mainStore(nemo).toString());
        assertThat(json.path("agentDir").asText()).isEqualTo(Fixture.mainStore(nemo).getParent().toString());
    }

    @Test
    void setWritesTheDeduplicatedOrderAndGetShowsIt() throws Exception {
        NemoRun.Result set = nemo.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:b", " anthropic:a ",
                "anthropic:b");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.stdout()).contains("Agent: main\nProvider: anthropic\nOrder override: anthropic:b, anthropic:a\n");
        assertThat(json(Fixture.mainStore(nemo)).at("/order/anthropic").toString()).isEqualTo("[\"anthropic:b\",\"anthropic:a\"]");
        NemoRun.Result get = nemo.run("models", "auth", "order", "get", "--provider", "anthropic", "--json");
        assertThat(new ObjectMapper().readTree(get.stdout()).path("order").toString()).isEqualTo("[\"anthropic:b\",\"anthropic:a\"]");
        assertThat(nemo.run("models", "auth", "order", "get", "--provider", "anthropic").stdout())
                .contains("Order override: anthropic:b, anthropic:a\n");
    }

    private void assertUsageErrorChangesNothing(String message, String... args) {
        DirSnapshot before = DirSnapshot.of(home);
        NemoRun.Result r = nemo.run(args);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).contains(message);
        assertThat(r.stdout()).isEmpty();
        before.assertUnchanged();
    }

    @Test
    void setWithAnUnknownIdIsAUsageError() {
        assertUsageErrorChangesNothing("Auth profile \"anthropic:nope\" not found",
                "models", "auth", "order", "set", "--provider", "anthropic", "anthropic:a", "anthropic:nope");
    }

    @Test
    void setWithAnotherProvidersIdIsAUsageError() {
        assertUsageErrorChangesNothing("Auth profile \"openai:x\" is for openai, not anthropic.",
                "models", "auth", "order", "set", "--provider", "anthropic", "openai:x");
    }

    @Test
    void setWithNoIdsIsAUsageError() {
        assertUsageErrorChangesNothing("error: Missing required parameter: '<profile-id>'",
                "models", "auth", "order", "set", "--provider", "anthropic", " ");
    }

    @Test
    void clearRemovesTheOverride() throws Exception {
        assertThat(nemo.run("models", "auth", "order", "set", "--provider", "anthropic", "anthropic:a").exitCode()).isZero();

        NemoRun.Result r = nemo.run("models", "auth", "order", "clear", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).endsWith("Agent: main\nProvider: anthropic\nCleared per-agent order override.\n");
        assertThat(json(Fixture.mainStore(nemo)).at("/order/anthropic").isMissingNode()).isTrue();
        assertThat(json(Fixture.mainStore(nemo)).path("profiles").size()).as("profiles kept").isEqualTo(3);
    }

    @Test
    void agentOptionOnTheSubcommandSelectsThatAgentsStore() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "order", "set", "--agent", "work", "--provider", "anthropic", "anthropic:w2");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Agent: work\n");
        assertThat(json(workStore).at("/order/anthropic").toString()).isEqualTo("[\"anthropic:w2\"]");
        assertThat(json(Fixture.mainStore(nemo)).has("order")).as("main store untouched").isFalse();
    }

    @Test
    void agentOptionOnAuthSelectsThatAgentsStore() throws Exception {
        Fixture.write(workStore, """
                {"version": 1, "profiles": {"anthropic:w1": {"type": "api_key", "provider": "anthropic", "key": "k"}},
                 "order": {"anthropic": ["anthropic:w1"]}}
                """);

        NemoRun.Result r = nemo.run("models", "auth", "--agent", "work", "order", "get", "--provider", "anthropic", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.path("agentId").asText()).isEqualTo("work");
        assertThat(json.path("authStorePath").asText()).isEqualTo(workStore.toString());
        assertThat(json.path("order").toString()).isEqualTo("[\"anthropic:w1\"]");
    }

    @Test
    void agentOptionOnTheSubcommandWinsOverTheOneOnAuth() {
        NemoRun.Result r = nemo.run("models", "auth", "--agent", "work", "order", "get", "--agent", "main", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Agent: main\n");
    }

    @Test
    void agentOptionOnModelsReachesTheAuthSubcommand() throws Exception {
        NemoRun.Result r = nemo.run("models", "--agent", "work", "auth", "order", "get", "--provider", "anthropic", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(new ObjectMapper().readTree(r.stdout()).path("agentId").asText()).isEqualTo("work");
    }

    @Test
    void unknownAgentIsAUsageError() {
        assertUsageErrorChangesNothing("Unknown agent id \"nope\"",
                "models", "auth", "order", "set", "--agent", "nope", "--provider", "anthropic", "anthropic:a");
    }
}
