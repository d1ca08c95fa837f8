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

/** {@code auth remove <id>}: every trace of the profile goes, in the store and in the config. */
class AuthRemoveIT {
    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1,
                 "profiles": {
                   "anthropic:a": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-a"},
                   "anthropic:b": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-b"},
                   "openai:x": {"type": "api_key", "provider": "openai", "key": "sk-x"}
                 },
                 "order": {"anthropic": ["anthropic:a", "anthropic:b"], "openai": ["openai:x"]},
                 "lastGood": {"anthropic": "anthropic:a", "openai": "openai:x"},
                 "usageStats": {"anthropic:a": {"lastUsed": 5, "errorCount": 1}, "anthropic:b": {"lastUsed": 7}}}
                """);
        Fixture.write(Fixture.config(nemo), """
                {"auth": {
                   "profiles": {"anthropic:a": {"provider": "anthropic", "mode": "api_key"},
                                "anthropic:b": {"provider": "anthropic", "mode": "api_key"}},
                   "order": {"anthropic": ["anthropic:b", "anthropic:a"]}},
                 "gateway": {"port": 1234}}
                """);
    }

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void removeDeletesTheProfileAndItsOrderLastGoodAndUsageEntriesFromTheStore() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "remove", "anthropic:a");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode store = json(Fixture.mainStore(nemo));
        assertThat(store.path("profiles").fieldNames()).toIterable().containsExactly("anthropic:b", "openai:x");
        assertThat(store.path("order").toString()).isEqualTo("{\"anthropic\":[\"anthropic:b\"],\"openai\":[\"openai:x\"]}");
        assertThat(store.path("lastGood").toString()).isEqualTo("{\"openai\":\"openai:x\"}");
        assertThat(store.path("usageStats").fieldNames()).toIterable().containsExactly("anthropic:b");
    }

    @Test
    void removeDeletesTheProfileFromConfigAuthProfilesAndAuthOrder() throws Exception {
        NemoRun.Result r = nemo.run("models", "auth", "remove", "anthropic:a");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode config = json(Fixture.config(nemo));
        assertThat(config.at("/auth/profiles").fieldNames()).toIterable().containsExactly("anthropic:b");
        assertThat(config.at("/auth/order/anthropic").toString()).isEqualTo("[\"anthropic:b\"]");
        assertThat(config.at("/gateway/port").asInt()).isEqualTo(1234);
        assertThat(r.stdout()).endsWith("Removed auth profile anthropic:a\n");
    }

    @Test
    void removingAnAbsentProfileFailsAndWritesNothing() {
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.run("models", "auth", "remove", "anthropic:nope");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("Auth profile \"anthropic:nope\" not found");
        assertThat(r.stdout()).isEmpty();
        before.assertUnchanged();
    }

    @Test
    void aProfileFromThePiAuthJsonCannotBeRemovedAndThePiFileIsUntouched() throws Exception {
        NemoRun pi = new NemoRun(home.resolve("pi-home"));
        Path piFile = Fixture.write(Fixture.mainStore(pi).resolveSibling("auth.json"), """
                {"openai": {"type": "api_key", "key": "sk-pi-openai"}}
                """);
        DirSnapshot before = DirSnapshot.of(pi.stateDir());

        NemoRun.Result r = pi.run("models", "auth", "remove", "openai:default");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("openai:default").contains(piFile.toString());
        before.assertUnchanged();
        assertThat(Fixture.mainStore(pi)).doesNotExist();
    }
}
