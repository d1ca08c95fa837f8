package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.FakeOAuthServer;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent chosen with {@code --agent} reads its own store over the main (default) agent's
 * (reference §1.4): status, {@code --check}, list, probes, {@code auth list} and {@code auth order}
 * see the merged view; writes change only the agent's own file and never copy the main agent's
 * profiles into it.
 */
class AgentAuthInheritanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN_ANTHROPIC_KEY = "sk-ant-api03-MainMainMainMain1111";
    private static final String MAIN_OPENAI_KEY = "sk-proj-MainMainMainMain2222";
    private static final String SIDE_OPENAI_TOKEN = "sk-proj-SideSideSideSide3333";
    private static final String SIDE_ANTHROPIC_TOKEN = "sk-ant-oat01-SideSideSideSide4444";

    @TempDir
    Path home;
    NemoRun nemo;
    Path mainStore;
    Path sideStore;
    Path workStore;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, """
                {
                  agents: {
                    defaults: { model: { primary: "anthropic/claude-opus-4-6", fallbacks: ["openai/gpt-5.1"] } },
                    list: [ { id: "main", default: true }, { id: "work" }, { id: "side" } ],
                  },
                  auth: { profiles: { "openai:default": { provider: "openai", mode: "api_key" } } },
                }
                """);
        mainStore = Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "%s"},
                  "openai:default": {"type": "api_key", "provider": "openai", "key": "%s"}
                }}
                """.formatted(MAIN_ANTHROPIC_KEY, MAIN_OPENAI_KEY));
        sideStore = Fixture.write(nemo.stateDir().resolve("agents/side/agent/auth-profiles.json"), """
                {"version": 1, "profiles": {
                  "anthropic:side": {"type": "token", "provider": "anthropic", "token": "%s", "expires": %d},
                  "openai:default": {"type": "token", "provider": "openai", "token": "%s"}
                }}
                """.formatted(SIDE_ANTHROPIC_TOKEN, Fixture.inHours(24 * 6), SIDE_OPENAI_TOKEN));
        workStore = nemo.stateDir().resolve("agents/work/agent/auth-profiles.json");
    }

    private static JsonNode parse(NemoRun.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.stdout());
    }

    private static JsonNode provider(JsonNode status, String id) {
        for (JsonNode p : status.at("/auth/providers")) {
            if (p.path("provider").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no provider " + id + " in " + status);
    }

    private static void assertNoSecret(NemoRun.Result r) {
        for (String secret : List.of(MAIN_ANTHROPIC_KEY, MAIN_OPENAI_KEY, SIDE_OPENAI_TOKEN, SIDE_ANTHROPIC_TOKEN)) {
            assertThat(r.stdout() + r.stderr()).doesNotContain(secret).doesNotContain(secret.substring(12));
        }
    }

    // --- models status ---

    @Test
    void anAgentWithoutProfilesOfItsOwnUsesTheMainAgentsAndPassesCheck() {
        NemoRun.Result r = nemo.run("models", "status", "--agent", "work", "--check");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines()).contains(
                "Auth store    : ~/.nemo/agents/work/agent/auth-profiles.json",
                "- anthropic effective=profiles:~/.nemo/agents/main/agent/auth-profiles.json"
                        + " | profiles=1 (oauth=0, token=0, api_key=1) | anthropic:default=sk-ant-***",
                "- openai effective=profiles:~/.nemo/agents/main/agent/auth-profiles.json"
                        + " | profiles=1 (oauth=0, token=0, api_key=1) | openai:default=sk-proj-***");
        assertThat(r.stdout()).doesNotContain("Missing auth");
        assertNoSecret(r);
        assertThat(workStore).as("reading never copies the main agent's store").doesNotExist();
    }

    @Test
    void jsonOfAnAgentWithoutProfilesOfItsOwnShowsTheMainAgentsAndNothingMissing() throws Exception {
        JsonNode j = parse(nemo.run("models", "status", "--agent", "work", "--json", "--check"));

        assertThat(j.at("/auth/storePath").asText()).isEqualTo(workStore.toString());
        assertThat(j.at("/auth/missingProvidersInUse").toString()).isEqualTo("[]");
        JsonNode anthropic = provider(j, "anthropic");
        assertThat(anthropic.at("/effective/kind").asText()).isEqualTo("profiles");
        assertThat(anthropic.at("/effective/detail").asText()).isEqualTo("~/.nemo/agents/main/agent/auth-profiles.json");
        assertThat(anthropic.at("/profiles/count").asInt()).isEqualTo(1);
        assertThat(anthropic.at("/profiles/labels/0").asText()).isEqualTo("anthropic:default=sk-ant-***");
    }

    @Test
    void theAgentsOwnProfilesAddToTheMainAgentsAndWinOnTheSameId() {
        NemoRun.Result r = nemo.run("models", "status", "--agent", "side");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines()).contains(
                "- anthropic effective=profiles:~/.nemo/agents/side/agent/auth-profiles.json"
                        + " | profiles=2 (oauth=0, token=1, api_key=1) | anthropic:default=sk-ant-***, anthropic:side=token:sk-ant-***",
                "- openai effective=profiles:~/.nemo/agents/side/agent/auth-profiles.json"
                        + " | profiles=1 (oauth=0, token=1, api_key=0) | openai:default=token:sk-proj-***",
                "Providers w/ OAuth/tokens (2): anthropic (1), openai (1)");
        assertNoSecret(r);
    }

    @Test
    void jsonCountsTheAgentsOwnAndInheritedProfilesOnce() throws Exception {
        JsonNode j = parse(nemo.run("models", "status", "--agent", "side", "--json"));

        JsonNode anthropic = provider(j, "anthropic");
        assertThat(anthropic.at("/profiles/count").asInt()).isEqualTo(2);
        assertThat(anthropic.at("/profiles/apiKey").asInt()).isEqualTo(1);
        assertThat(anthropic.at("/profiles/token").asInt()).isEqualTo(1);
        JsonNode openai = provider(j, "openai");
        assertThat(openai.at("/profiles/count").asInt()).as("the agent's openai:default shadows the main one").isEqualTo(1);
        assertThat(openai.at("/profiles/token").asInt()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        j.at("/auth/oauth/profiles").forEach(p -> ids.add(p.path("profileId").asText() + "=" + p.path("type").asText()));
        assertThat(ids).containsExactly("anthropic:default=api_key", "anthropic:side=token", "openai:default=token");
    }

    @Test
    void anAgentDirFromTheEnvironmentNeitherInheritsNorIsInherited() throws Exception {
        Path custom = home.resolve("elsewhere/agent");
        Fixture.write(custom.resolve("auth-profiles.json"), """
                {"version": 1, "profiles": {"groq:ci": {"type": "api_key", "provider": "groq", "key": "gsk_cccc1111dddd2222eeee3333"}}}
                """);
        nemo.env("NEMO_AGENT_DIR", custom.toString());

        JsonNode fromEnv = parse(nemo.run("models", "status", "--json"));
        assertThat(fromEnv.at("/auth/providers").findValuesAsText("provider")).containsExactly("groq");

        // The main agent is the configured default one, not the directory the environment names.
        JsonNode work = parse(nemo.run("models", "status", "--agent", "work", "--json"));
        assertThat(work.at("/auth/providers").findValuesAsText("provider")).containsExactly("anthropic", "openai");
    }

    // --- models list ---

    @Test
    void modelsListCountsTheMainAgentsProfilesAsAuth() throws Exception {
        NemoRun.Result text = nemo.run("models", "list", "--agent", "work");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout().lines().filter(l -> l.startsWith("anthropic/claude-opus-4-6")))
                .singleElement().asString().contains(" yes ");

        JsonNode j = parse(nemo.run("models", "list", "--agent", "work", "--json"));
        assertThat(j.at("/models/0/key").asText()).isEqualTo("anthropic/claude-opus-4-6");
        assertThat(j.at("/models/0/available").asBoolean()).isTrue();
    }

    // --- probes ---

    @Test
    void probesOfAnAgentUseTheMainAgentsProfile() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": "fake/ok"}, "list": [{"id": "main", "default": true}, {"id": "work"}]},
                     "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                    """.formatted(provider.baseUrl()));
            Fixture.writeStore(nemo, """
                    {"version": 1, "profiles": {"fake:default": {"type": "api_key", "provider": "fake", "key": "fake-main-key-5555"}}}
                    """);

            JsonNode j = parse(nemo.run("models", "status", "--agent", "work", "--probe", "--json"));
            JsonNode rows = j.at("/auth/probes/results");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).path("profileId").asText()).isEqualTo("fake:default");
            assertThat(rows.get(0).path("status").asText()).isEqualTo("ok");
            assertThat(provider.requests()).hasSize(1);
            assertThat(provider.requests().get(0).header("authorization")).isEqualTo("Bearer fake-main-key-5555");

            NemoRun.Result text = nemo.run("models", "status", "--agent", "work", "--probe");
            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.stdout()).contains("fake:default").contains("Probed 1 target in");
            assertThat(text.stdout() + text.stderr()).doesNotContain("fake-main-key-5555");
        }
    }

    @Test
    void anInheritedOAuthProfileIsRefreshedInTheMainAgentsStoreAndNotCopied() throws Exception {
        String oldRefresh = "old-refresh-Xk3Lm9Qp2Rt8Vw5Yz1Ab4Cd7Ef0Gh6Jk";
        try (FakeProvider provider = new FakeProvider(); FakeOAuthServer oauth = new FakeOAuthServer()) {
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": "fake/ok"}, "list": [{"id": "main", "default": true}, {"id": "work"}]},
                     "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}],
                                                       "oauth": %s}}}}
                    """.formatted(provider.baseUrl(), oauth.configBlock()));
            Fixture.writeStore(nemo, """
                    {"version": 1, "profiles": {"fake:me": {"type": "oauth", "provider": "fake", "access": "old-access-Zq8WvL2mN4pR7tY1",
                      "refresh": "%s", "expires": %d, "clientId": "%s"}}}
                    """.formatted(oldRefresh, Fixture.inHours(-1), FakeOAuthServer.CLIENT_ID));
            oauth.acceptRefresh(oldRefresh);

            JsonNode j = parse(nemo.run("models", "status", "--agent", "work", "--probe", "--json"));

            assertThat(j.at("/auth/probes/results/0/status").asText()).isEqualTo("ok");
            String fresh = oauth.lastIssuedAccess();
            assertThat(provider.requests().get(0).header("authorization")).isEqualTo("Bearer " + fresh);
            assertThat(JSON.readTree(mainStore.toFile()).at("/profiles/fake:me/access").asText()).isEqualTo(fresh);
            assertThat(workStore).as("the renewed token stays where the profile lives").doesNotExist();
        }
    }

    // --- auth list ---

    @Test
    void authListShowsTheAgentsOwnAndInheritedProfilesInText() {
        NemoRun.Result r = nemo.run("models", "auth", "list", "--agent", "side");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("""
                Auth profiles (3) in ~/.nemo/agents/side/agent/auth-profiles.json and the main agent's ~/.nemo/agents/main/agent/auth-profiles.json:
                - anthropic:default api_key static [inherited]
                - anthropic:side token ok expires in 6d
                - openai:default token static
                """);
        assertNoSecret(r);
    }

    @Test
    void authListMarksInheritedProfilesInJson() throws Exception {
        JsonNode j = parse(nemo.run("models", "auth", "list", "--agent", "side", "--json"));

        assertThat(j.path("storePath").asText()).isEqualTo(sideStore.toString());
        assertThat(j.path("inheritedFrom").asText()).isEqualTo(mainStore.toString());
        List<String> rows = new ArrayList<>();
        j.path("profiles").forEach(p -> rows.add(p.path("profileId").asText() + " inherited=" + p.path("inherited").asBoolean()));
        assertThat(rows).containsExactly("anthropic:default inherited=true", "anthropic:side inherited=false",
                "openai:default inherited=false");
    }

    @Test
    void authListOfTheMainAgentHasNoInheritance() throws Exception {
        JsonNode j = parse(nemo.run("models", "auth", "list", "--json"));
        assertThat(j.has("inheritedFrom")).isFalse();
        j.path("profiles").forEach(p -> assertThat(p.has("inherited")).isFalse());
    }

    // --- auth order ---

    private void mainOrder() {
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "%s"},
                  "anthropic:backup": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-backup"}
                 },
                 "order": {"anthropic": ["anthropic:backup", "anthropic:default"]}}
                """.formatted(MAIN_ANTHROPIC_KEY));
    }

    @Test
    void orderGetShowsTheInheritedOrderAndWhereItComesFrom() throws Exception {
        mainOrder();
        NemoRun.Result text = nemo.run("models", "auth", "order", "get", "--agent", "work", "--provider", "anthropic");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).isEqualTo("""
                Agent: work
                Provider: anthropic
                Auth file: ~/.nemo/agents/work/agent/auth-profiles.json
                Order override: anthropic:backup, anthropic:default (inherited from the main agent's ~/.nemo/agents/main/agent/auth-profiles.json)
                """);

        JsonNode j = parse(nemo.run("models", "auth", "order", "get", "--agent", "work", "--provider", "anthropic", "--json"));
        assertThat(j.path("authStorePath").asText()).isEqualTo(workStore.toString());
        assertThat(j.path("order").toString()).isEqualTo("[\"anthropic:backup\",\"anthropic:default\"]");
        assertThat(j.path("inheritedFrom").asText()).isEqualTo(mainStore.toString());
    }

    @Test
    void orderSetWithInheritedIdsWritesOnlyTheOrderToTheAgentsStore() throws Exception {
        mainOrder();
        byte[] mainBefore = Fixture.bytes(mainStore);

        NemoRun.Result r = nemo.run("models", "auth", "order", "set", "--agent", "work", "--provider", "anthropic",
                "anthropic:default", "anthropic:backup");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode work = JSON.readTree(workStore.toFile());
        assertThat(work.path("profiles").size()).as("no profile copied from the main agent").isZero();
        assertThat(work.at("/order/anthropic").toString()).isEqualTo("[\"anthropic:default\",\"anthropic:backup\"]");
        assertThat(Fixture.bytes(mainStore)).isEqualTo(mainBefore);

        JsonNode j = parse(nemo.run("models", "auth", "order", "get", "--agent", "work", "--provider", "anthropic", "--json"));
        assertThat(j.path("order").toString()).isEqualTo("[\"anthropic:default\",\"anthropic:backup\"]");
        assertThat(j.has("inheritedFrom")).as("the agent's own order wins").isFalse();
    }

    @Test
    void orderClearRemovesOnlyTheAgentsOwnOrderAndSaysWhichStillApplies() throws Exception {
        mainOrder();
        Fixture.write(workStore, """
                {"version": 1, "profiles": {}, "order": {"anthropic": ["anthropic:default"]}}
                """);
        byte[] mainBefore = Fixture.bytes(mainStore);

        NemoRun.Result r = nemo.run("models", "auth", "order", "clear", "--agent", "work", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("""
                Updated ~/.nemo/agents/work/agent/auth-profiles.json
                Agent: work
                Provider: anthropic
                Cleared per-agent order override.
                Order override still inherited from the main agent's ~/.nemo/agents/main/agent/auth-profiles.json: anthropic:backup, anthropic:default
                """);
        assertThat(JSON.readTree(workStore.toFile()).at("/order/anthropic").isMissingNode()).isTrue();
        assertThat(Fixture.bytes(mainStore)).isEqualTo(mainBefore);
    }

    // --- writes ---

    @Test
    void pasteTokenForAnAgentWritesOnlyItsOwnProfileToItsStore() throws Exception {
        byte[] mainBefore = Fixture.bytes(mainStore);
        String token = "sk-ant-oat01-" + "Wq4Er7Ty2Ui5Op8As1Df4Gh7Jk0Lz3Xc6Vb9Nm".repeat(2) + "-Qw_EAAA";

        NemoRun.Result r = nemo.stdin(token).run("models", "auth", "paste-token", "--agent", "work", "--provider", "anthropic");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode work = JSON.readTree(workStore.toFile());
        assertThat(work.path("profiles").fieldNames()).toIterable().containsExactly("anthropic:manual");
        assertThat(Fixture.bytes(mainStore)).isEqualTo(mainBefore);

        JsonNode status = parse(nemo.run("models", "status", "--agent", "work", "--json"));
        assertThat(provider(status, "anthropic").at("/profiles/count").asInt()).isEqualTo(2);
    }

    @Test
    void removingAnInheritedProfileFailsAndChangesNothing() {
        DirSnapshot before = DirSnapshot.of(home);

        NemoRun.Result r = nemo.run("models", "auth", "remove", "--agent", "work", "openai:default");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().lines()).singleElement().asString()
                .contains("\"openai:default\" is inherited from the main agent's " + mainStore)
                .contains("--agent main");
        before.assertUnchanged();
    }

    @Test
    void removingTheAgentsOwnProfileThatShadowsTheMainOneKeepsTheConfigEntryAndUnshadowsIt() throws Exception {
        byte[] configBefore = Fixture.bytes(Fixture.config(nemo));
        byte[] mainBefore = Fixture.bytes(mainStore);

        NemoRun.Result r = nemo.run("models", "auth", "remove", "--agent", "side", "openai:default");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Updated ~/.nemo/agents/side/agent/auth-profiles.json\nRemoved auth profile openai:default\n");
        assertThat(JSON.readTree(sideStore.toFile()).path("profiles").fieldNames()).toIterable().containsExactly("anthropic:side");
        assertThat(Fixture.bytes(Fixture.config(nemo))).as("auth.profiles still describes the main agent's").isEqualTo(configBefore);
        assertThat(Fixture.bytes(mainStore)).isEqualTo(mainBefore);

        JsonNode status = parse(nemo.run("models", "status", "--agent", "side", "--json"));
        assertThat(provider(status, "openai").at("/profiles/apiKey").asInt()).isEqualTo(1);
        assertThat(provider(status, "openai").at("/effective/detail").asText()).isEqualTo("~/.nemo/agents/main/agent/auth-profiles.json");
    }
}
