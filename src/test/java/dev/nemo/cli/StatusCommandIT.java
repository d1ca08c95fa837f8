package dev.nemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nemo models status}: text, --plain, --json, bare {@code nemo models}, agent selection. */
class StatusCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String CONFIG = """
            {
              // the user's config, with comments and trailing commas
              agents: {
                defaults: {
                  model: { primary: "opus", fallbacks: ["openai/gpt-5.1"], },
                  models: {
                    "anthropic/claude-opus-4-6": { alias: "opus" },
                    "openai/gpt-5.1": {},
                  },
                },
              },
            }
            """;

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void fixtures() {
        nemo = new NemoRun(home);
        Fixture.write(Fixture.config(nemo), CONFIG);
        Fixture.write(Fixture.mainStore(nemo), """
                {
                  "version": 1,
                  "profiles": {
                    "anthropic:default": { "type": "api_key", "provider": "anthropic", "key": "sk-ant-api03-AAAAbbbbCCCCdddd1111" },
                    "openai:work": { "type": "token", "provider": "openai", "token": "sk-proj-ZZZZyyyyXXXXwwww2222", "expires": %d }
                  }
                }
                """.formatted(Fixture.inHours(24 * 6)));
    }

    private static JsonNode parse(NemoRun.Result r) throws Exception {
        return JSON.readTree(r.stdout());
    }

    @Test
    void textShowsModelsAuthOverviewAndTokenStatus() {
        NemoRun.Result r = nemo.run("models", "status");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr(), r.toString());
        List<String> expected = List.of(
                "Config        : ~/.nemo/nemo.json",
                "Agent dir     : ~/.nemo/agents/main/agent",
                "Default       : anthropic/claude-opus-4-6 (from opus)",
                "Fallbacks (1) : openai/gpt-5.1",
                "Image model   : -",
                "Image fallbacks (0): -",
                "Aliases (1)   : opus -> anthropic/claude-opus-4-6",
                "Configured models (2): anthropic/claude-opus-4-6, openai/gpt-5.1",
                "",
                "Auth overview",
                "Auth store    : ~/.nemo/agents/main/agent/auth-profiles.json",
                "Shell env     : off",
                "Providers w/ OAuth/tokens (1): openai (1)",
                "- anthropic effective=profiles:~/.nemo/agents/main/agent/auth-profiles.json | profiles=1 (oauth=0, token=0, api_key=1)"
                        + " | anthropic:default=sk-ant-***",
                "- openai effective=profiles:~/.nemo/agents/main/agent/auth-profiles.json | profiles=1 (oauth=0, token=1, api_key=0)"
                        + " | openai:work=token:sk-proj-***",
                "",
                "OAuth/token status",
                "- openai",
                "  - openai:work ok expires in 6d");
        assertEquals(expected, r.stdout().lines().toList(), r.toString());
    }

    @Test
    void textHasNoMissingAuthSectionWhenEveryProviderInUseHasAuth() {
        assertFalse(nemo.run("models", "status").stdout().contains("Missing auth"));
    }

    @Test
    void plainPrintsExactlyTheResolvedDefault() {
        NemoRun.Result r = nemo.run("models", "status", "--plain");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("anthropic/claude-opus-4-6\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void jsonIsPureJsonWithThePeersFieldNames() throws Exception {
        NemoRun.Result r = nemo.run("models", "status", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr(), r.toString());
        JsonNode j = parse(r);
        Path state = nemo.stateDir();
        assertEquals(state.resolve("nemo.json").toString(), j.get("configPath").asText());
        assertEquals(state.resolve("agents/main/agent").toString(), j.get("agentDir").asText());
        assertFalse(j.has("agentId"), "agentId only with --agent");
        assertFalse(j.has("modelConfig"), "modelConfig only with --agent");
        assertEquals("opus", j.get("defaultModel").asText());
        assertEquals("anthropic/claude-opus-4-6", j.get("resolvedDefault").asText());
        assertEquals("[\"openai/gpt-5.1\"]", j.get("fallbacks").toString());
        assertTrue(j.has("imageModel") && j.get("imageModel").isNull(), "imageModel must be present as null");
        assertEquals("[]", j.get("imageFallbacks").toString());
        assertEquals("{\"opus\":\"anthropic/claude-opus-4-6\"}", j.get("aliases").toString());
        assertEquals("[\"anthropic/claude-opus-4-6\",\"openai/gpt-5.1\"]", j.get("allowed").toString());

        JsonNode auth = j.get("auth");
        assertEquals(state.resolve("agents/main/agent/auth-profiles.json").toString(), auth.get("storePath").asText());
        assertFalse(auth.get("shellEnvFallback").get("enabled").asBoolean());
        assertEquals("[\"openai (1)\"]", auth.get("providersWithOAuth").toString());
        assertEquals("[]", auth.get("missingProvidersInUse").toString());
        assertEquals("[]", auth.get("unusableProfiles").toString());
        assertFalse(auth.has("probes"), "probes only with --probe");

        JsonNode providers = auth.get("providers");
        assertEquals(2, providers.size());
        JsonNode anthropic = providers.get(0);
        assertEquals("anthropic", anthropic.get("provider").asText());
        assertEquals("profiles", anthropic.at("/effective/kind").asText());
        assertEquals(1, anthropic.at("/profiles/count").asInt());
        assertEquals(1, anthropic.at("/profiles/apiKey").asInt());
        assertEquals(0, anthropic.at("/profiles/oauth").asInt());
        assertEquals(0, anthropic.at("/profiles/token").asInt());
        assertEquals("anthropic:default=sk-ant-***", anthropic.at("/profiles/labels/0").asText());

        JsonNode oauth = auth.get("oauth");
        assertEquals(86_400_000L, oauth.get("warnAfterMs").asLong());
        List<String> statuses = new ArrayList<>();
        oauth.get("profiles").forEach(p -> statuses.add(p.get("profileId").asText() + "=" + p.get("status").asText()
                + "/" + p.get("type").asText() + "/" + p.get("source").asText()));
        assertEquals(List.of("anthropic:default=static/api_key/store", "openai:work=ok/token/store"), statuses);
        JsonNode openaiRollUp = oauth.get("providers").get(1);
        assertEquals("openai", openaiRollUp.get("provider").asText());
        assertEquals("ok", openaiRollUp.get("status").asText());
        assertTrue(openaiRollUp.get("expiresAt").asLong() > System.currentTimeMillis());
    }

    @Test
    void bareModelsIsStatus() {
        NemoRun.Result bare = nemo.run("models");
        assertEquals(0, bare.exitCode(), bare.toString());
        assertEquals(nemo.run("models", "status").stdout(), bare.stdout());
    }

    @Test
    void nemoAgentDirOverridesWhereTheStoreIsRead() throws Exception {
        Path custom = home.resolve("elsewhere/agent");
        Fixture.write(custom.resolve("auth-profiles.json"), """
                {"version": 1, "profiles": {"groq:ci": {"type": "api_key", "provider": "groq", "key": "gsk_cccc1111dddd2222eeee3333"}}}
                """);
        NemoRun.Result r = nemo.env("NEMO_AGENT_DIR", custom.toString()).run("models", "status", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode j = parse(r);
        assertEquals(custom.toString(), j.get("agentDir").asText());
        assertEquals(custom.resolve("auth-profiles.json").toString(), j.at("/auth/storePath").asText());
        assertEquals(1, j.at("/auth/providers").size());
        assertEquals("groq", j.at("/auth/providers/0/provider").asText());
    }

    @Test
    void piAuthJsonIsUsedWhenTheAgentHasNoAuthProfilesJson() throws Exception {
        Path custom = home.resolve("pi/agent");
        Fixture.write(custom.resolve("auth.json"), "{\"anthropic\": {\"type\": \"api_key\", \"key\": \"!printf sk-ant-api03-fromcmd0000000000\"}}");
        NemoRun.Result r = nemo.env("PI_CODING_AGENT_DIR", custom.toString()).run("models", "status", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode j = parse(r);
        assertEquals(custom.resolve("auth.json").toString(), j.at("/auth/storePath").asText());
        assertEquals("anthropic:default=command (not run)", j.at("/auth/providers/0/profiles/labels/0").asText(),
                "the key command runs only for commands that send the key");
        assertFalse(Files.exists(custom.resolve("auth-profiles.json")), "nemo must not migrate or write pi's store");
    }

    private void writeAgentsConfig() {
        Fixture.write(Fixture.config(nemo), """
                {
                  agents: {
                    defaults: { model: { primary: "opus", fallbacks: ["openai/gpt-5.1"] },
                                models: { "anthropic/claude-opus-4-6": { alias: "opus" } } },
                    list: [
                      { id: "main", default: true },
                      { id: "work", model: { primary: "groq/llama-3.3-70b" } },
                    ],
                  },
                }
                """);
    }

    @Test
    void agentOptionUsesTheAgentsModelOverrideAndLabelsIt() {
        writeAgentsConfig();
        NemoRun.Result r = nemo.run("models", "status", "--agent", "work");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.contains("Agent dir     : ~/.nemo/agents/work/agent"), r.toString());
        assertTrue(lines.contains("Default (agent): groq/llama-3.3-70b"), r.toString());
        assertTrue(lines.contains("Fallbacks (1) (defaults): openai/gpt-5.1"), r.toString());
    }

    @Test
    void agentOptionAddsAgentIdAndModelConfigToJson() throws Exception {
        writeAgentsConfig();
        NemoRun.Result r = nemo.run("models", "status", "--agent", "work", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode j = parse(r);
        assertEquals("work", j.get("agentId").asText());
        assertEquals(nemo.stateDir().resolve("agents/work/agent").toString(), j.get("agentDir").asText());
        assertEquals("groq/llama-3.3-70b", j.get("resolvedDefault").asText());
        assertEquals("agent", j.at("/modelConfig/defaultSource").asText());
        assertEquals("defaults", j.at("/modelConfig/fallbacksSource").asText());
    }

    @Test
    void agentOptionOnTheModelsParentReachesBareStatus() throws Exception {
        writeAgentsConfig();
        NemoRun.Result r = nemo.run("models", "--agent", "work", "--status-plain");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("groq/llama-3.3-70b\n", r.stdout());
    }

    @Test
    void agentOptionWinsOverNemoAgentDir() throws Exception {
        writeAgentsConfig();
        NemoRun.Result r = nemo.env("NEMO_AGENT_DIR", home.resolve("ignored").toString())
                .run("models", "status", "--agent", "main", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(nemo.stateDir().resolve("agents/main/agent").toString(), parse(r).get("agentDir").asText());
        assertEquals("main", parse(r).get("agentId").asText());
    }
}
