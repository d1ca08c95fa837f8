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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cooldowns you can see and clear: {@code auth list} shows each profile's cooldown or disable and
 * its recorded use and failures; {@code auth clear-cooldown} resets them under the store's lock.
 */
class AuthCooldownIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-ant-api03-Cool1Down2Key3Never4Shown5";

    @TempDir
    Path home;
    NemoRun nemo;
    Path store;
    long lastUsed;
    long lastFailure;
    long cooldownUntil;
    long disabledUntil;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        lastUsed = Fixture.inHours(-2);
        lastFailure = Fixture.inHours(-0.25);
        cooldownUntil = Fixture.inHours(0.5);
        disabledUntil = Fixture.inHours(5);
        store = Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "%1$s"},
                  "anthropic:work": {"type": "api_key", "provider": "anthropic", "key": "%1$s-w"},
                  "openai:default": {"type": "api_key", "provider": "openai", "key": "%1$s-o"},
                  "groq:default": {"type": "api_key", "provider": "groq", "key": "%1$s-g"}
                },
                "usageStats": {
                  "anthropic:default": {"lastUsed": %2$d, "cooldownUntil": %4$d, "errorCount": 3,
                      "failureCounts": {"rate_limit": 2, "timeout": 1}, "lastFailureAt": %3$d},
                  "openai:default": {"lastUsed": %2$d, "disabledUntil": %5$d, "disabledReason": "billing", "errorCount": 1,
                      "failureCounts": {"billing": 1}, "lastFailureAt": %3$d},
                  "groq:default": {"lastUsed": %2$d, "cooldownUntil": %3$d, "errorCount": 1, "failureCounts": {"rate_limit": 1}}
                }}
                """.formatted(KEY, lastUsed, lastFailure, cooldownUntil, disabledUntil));
    }

    private JsonNode stats(String profileId) throws Exception {
        return JSON.readTree(Files.readString(store)).path("usageStats").path(profileId);
    }

    @Test
    void listShowsCooldownDisableLastUseAndFailureCounts() {
        NemoRun.Result r = nemo.run("models", "auth", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(
                "- anthropic:default api_key static [cooldown 30m] | last used 2h ago | 3 errors (rate_limit 2, timeout 1), last 15m ago\n",
                "- openai:default api_key static [disabled:billing 5h] | last used 2h ago | 1 error (billing 1), last 15m ago\n",
                "- anthropic:work api_key static\n");
        assertThat(r.stdout()).as("a cooldown that has run out is not shown").contains(
                "- groq:default api_key static | last used 2h ago | 1 error (rate_limit 1)\n");
        assertThat(r.stdout() + r.stderr()).doesNotContain(KEY.substring(0, 16));
    }

    @Test
    void listJsonHasStateUntilAndTheRecordedCounts() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "list", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode rows = JSON.readTree(r.stdout()).path("profiles");
        JsonNode anthropic = rows.get(0);
        assertThat(anthropic.path("profileId").asText()).isEqualTo("anthropic:default");
        assertThat(anthropic.path("state").asText()).isEqualTo("cooldown");
        assertThat(anthropic.path("unusableUntil").asLong()).isEqualTo(cooldownUntil);
        assertThat(anthropic.path("lastUsed").asLong()).isEqualTo(lastUsed);
        assertThat(anthropic.path("lastFailureAt").asLong()).isEqualTo(lastFailure);
        assertThat(anthropic.path("errorCount").asInt()).isEqualTo(3);
        assertThat(anthropic.path("failureCounts").toString()).isEqualTo("{\"rate_limit\":2,\"timeout\":1}");
        JsonNode work = rows.get(1);
        assertThat(work.path("state").asText()).isEqualTo("usable");
        assertThat(work.has("unusableUntil")).isFalse();
        JsonNode groq = rows.get(2);
        assertThat(groq.path("state").asText()).isEqualTo("usable");
        JsonNode openai = rows.get(3);
        assertThat(openai.path("state").asText()).isEqualTo("disabled");
        assertThat(openai.path("disabledReason").asText()).isEqualTo("billing");
        assertThat(openai.path("unusableUntil").asLong()).isEqualTo(disabledUntil);
    }

    @Test
    void clearCooldownResetsOneProfileKeepsItsHistoryAndLeavesOthersAlone() throws Exception {
        JsonNode openaiBefore = stats("openai:default");

        NemoRun.Result r = nemo.run("models", "auth", "clear-cooldown", "anthropic:default");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Updated ~/.nemo/agents/main/agent/auth-profiles.json\n"
                + "Cleared cooldown, disable and failure counts: anthropic:default\n");
        JsonNode cleared = stats("anthropic:default");
        assertThat(cleared.has("cooldownUntil")).isFalse();
        assertThat(cleared.has("failureCounts")).isFalse();
        assertThat(cleared.path("errorCount").asInt()).isZero();
        assertThat(cleared.path("lastUsed").asLong()).isEqualTo(lastUsed);
        assertThat(cleared.path("lastFailureAt").asLong()).isEqualTo(lastFailure);
        assertThat(stats("openai:default")).isEqualTo(openaiBefore);
        assertThat(JSON.readTree(Files.readString(store)).at("/profiles/anthropic:default/key").asText()).isEqualTo(KEY);
        assertThat(nemo.run("models", "auth", "list").stdout()).contains("- anthropic:default api_key static | last used 2h ago\n");
    }

    @Test
    void clearCooldownLiftsADisableWithItsReason() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "clear-cooldown", "openai:default");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode cleared = stats("openai:default");
        assertThat(cleared.has("disabledUntil")).isFalse();
        assertThat(cleared.has("disabledReason")).isFalse();
        assertThat(nemo.run("models", "status", "--json").stdout()).doesNotContain("\"unusableProfiles\" : [ {");
    }

    @Test
    void clearCooldownAllResetsEveryProfileWithState() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "clear-cooldown", "--all");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).endsWith("Cleared cooldown, disable and failure counts: anthropic:default, groq:default, openai:default\n");
        for (String id : new String[] {"anthropic:default", "openai:default", "groq:default"}) {
            JsonNode cleared = stats(id);
            assertThat(cleared.has("cooldownUntil") || cleared.has("disabledUntil") || cleared.has("failureCounts")).as(id).isFalse();
            assertThat(cleared.path("errorCount").asInt()).as(id).isZero();
        }
        JsonNode listed = JSON.readTree(nemo.run("models", "auth", "list", "--json").stdout()).path("profiles");
        assertThat(listed.findValuesAsText("state")).containsOnly("usable");
    }

    @Test
    void clearingAProfileWithNothingToResetWritesNothing() {
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.run("models", "auth", "clear-cooldown", "anthropic:work");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Auth profile anthropic:work has no cooldown, disable or failure counts.\n");
        before.assertUnchanged();
    }

    @Test
    void unknownProfileIsAUsageErrorWithDidYouMeanAndChangesNothing() {
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.run("models", "auth", "clear-cooldown", "anthropic:defualt");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("error: Unknown auth profile \"anthropic:defualt\"; did you mean \"anthropic:default\"?")
                .contains("anthropic:work").doesNotContain("Exception");
        before.assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "neither                  ; ''                      ; Missing required argument (specify one of these): (<profile-id> | --all)",
            "both a profile and --all ; anthropic:default --all ; <profile-id>, --all are mutually exclusive (specify only one)"})
    void profileAndAllAreOneRequiredChoice(String name, String args, String message) {
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("models", "auth", "clear-cooldown"));
        if (!args.isBlank()) {
            command.addAll(java.util.List.of(args.split(" ")));
        }

        NemoRun.Result r = nemo.run(command.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).startsWith("error: " + message).contains("Try 'nemo models auth clear-cooldown --help'");
        before.assertUnchanged();
    }

    @Test
    void anInheritedProfilesCooldownIsClearedInTheMainAgentsStoreWhereItIsRecorded() throws Exception {
        Fixture.writeConfig(nemo, "{agents: {list: [{id: \"main\", default: true}, {id: \"work\"}]}}");
        Path workStore = Fixture.write(nemo.stateDir().resolve("agents/work/agent/auth-profiles.json"), """
                {"version": 1, "profiles": {"openai:work": {"type": "api_key", "provider": "openai", "key": "%s-x"}}}
                """.formatted(KEY));
        byte[] workBefore = Fixture.bytes(workStore);

        NemoRun.Result listed = nemo.run("models", "auth", "list", "--agent", "work");
        NemoRun.Result r = nemo.run("models", "auth", "clear-cooldown", "--agent", "work", "anthropic:default");

        assertThat(listed.stdout()).contains("- anthropic:default api_key static [cooldown 30m] [inherited]");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Updated ~/.nemo/agents/main/agent/auth-profiles.json\n");
        assertThat(stats("anthropic:default").has("cooldownUntil")).isFalse();
        assertThat(Fixture.bytes(workStore)).as("the agent's own store has no entry to reset").isEqualTo(workBefore);
    }
}
