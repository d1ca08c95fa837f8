package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What auth writes do with a store they cannot safely change (corrupt; locked by another process:
 * {@code ConcurrentWritersProcessIT}), and the first write next to a pi agent's {@code auth.json}.
 */
class AuthStoreSafetyIT {
    static final String CORRUPT = "{\"version\": 1, \"profiles\": {\"openai:x\": {\"type\": \"api_key\", ";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.write(Fixture.config(nemo), "{\"gateway\": {\"port\": 1234}}\n");
    }

    /** Every command that writes the store, with what it reads from stdin. */
    static final List<List<String>> WRITES = List.of(
            List.of("sk-x-token", "models", "auth", "paste-token", "--provider", "openai"),
            List.of("gsk_key", "models", "auth", "login", "--provider", "groq"),
            List.of("", "models", "auth", "remove", "openai:x"),
            List.of("", "models", "auth", "order", "set", "--provider", "openai", "openai:x"),
            List.of("", "models", "auth", "order", "clear", "--provider", "openai"));

    @Test
    void everyWriteCommandRefusesACorruptStoreNamingItAndLeavesItByteForByte() {
        Path store = Fixture.write(Fixture.mainStore(nemo), CORRUPT);
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        for (List<String> write : WRITES) {
            NemoRun.Result r = nemo.stdin(write.get(0)).run(write.subList(1, write.size()).toArray(String[]::new));

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).as(r.toString()).contains(store.toString()).doesNotContain("\tat ");
            before.assertUnchangedExceptLocks();
        }
        assertThat(Fixture.bytes(store)).isEqualTo(CORRUPT.getBytes());
    }

    @Test
    void storeWithoutProfilesObjectIsRefusedAsCorrupt() {
        Path store = Fixture.write(Fixture.mainStore(nemo), "{\"version\": 1, \"profiles\": []}\n");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r = nemo.stdin("sk-x-token").run("models", "auth", "paste-token", "--provider", "openai");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains(store.toString()).contains("profiles");
        before.assertUnchangedExceptLocks();
    }

    @Test
    void firstWriteNextToAPiAuthJsonStartsTheStoreFromItsEntriesAndLeavesThePiFileAsItWas() throws Exception {
        Path piFile = Fixture.write(Fixture.mainStore(nemo).resolveSibling("auth.json"), """
                {"groq": {"type": "api_key", "key": "GROQ_API_KEY"},
                 "openai": {"type": "oauth", "access": "acc-1", "refresh": "ref-1", "expires": 1767225600000}}
                """);
        byte[] piBefore = Fixture.bytes(piFile);

        NemoRun.Result r = nemo.stdin("sk-new-token").run("models", "auth", "paste-token", "--provider", "openai",
                "--profile-id", "openai:manual");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode store = new ObjectMapper().readTree(Files.readString(Fixture.mainStore(nemo)));
        assertThat(store.path("profiles").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("groq:default", "openai:default", "openai:manual");
        assertThat(store.at("/profiles/groq:default/type").asText()).isEqualTo("api_key");
        assertThat(store.at("/profiles/groq:default/provider").asText()).isEqualTo("groq");
        assertThat(store.at("/profiles/groq:default/key").asText()).as("key reference kept as written").isEqualTo("GROQ_API_KEY");
        assertThat(store.at("/profiles/openai:default/refresh").asText()).isEqualTo("ref-1");
        assertThat(Fixture.bytes(piFile)).isEqualTo(piBefore);
    }
}
