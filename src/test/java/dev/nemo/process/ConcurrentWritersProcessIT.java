package dev.nemo.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Writers in several processes: OS file locks are per process, so only separate nemo processes
 * show that concurrent writes lose nothing and that a lock another process holds is respected.
 */
@Execution(ExecutionMode.CONCURRENT) // the lock tests wait out nemo's 10 s lock timeout; they need no CPU
class ConcurrentWritersProcessIT {
    static final int WRITERS = 20;

    @TempDir
    Path home;

    static String token(int i) {
        return "sk-ant-oat01-" + "p%02d-".formatted(i) + "Xq7Wz2Lp9Rt4Ys8Ud3Ng6Mh1Kj5Bv0Cx-Ae_Fr2Gt7Hy4Ju9Ki3Lo8Pm1Nb6Vc5Xz0Sa";
    }

    /**
     * 20 nemo processes paste 20 different tokens into one agent's store at the same time: every
     * write re-reads under the lock, so no writer's profile is lost, in the store or in the config.
     */
    @Test
    void twentyConcurrentPasteTokensAllEndUpInOneValidStoreAndInTheConfig() throws Exception {
        NemoRun nemo = NemoRun.spawned(home);
        // A profile that was there before must survive too.
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1, "profiles": {"openai:old": {"type": "api_key", "provider": "openai", "key": "sk-old"}}}
                """);
        List<NemoRun.Running> running = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            running.add(nemo.stdin(token(i)).start("models", "auth", "paste-token", "--provider", "anthropic",
                    "--profile-id", "anthropic:p" + i));
        }
        List<NemoRun.Result> results = running.stream().map(NemoRun.Running::await).toList();

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        JsonNode store = new ObjectMapper().readTree(Files.readString(Fixture.mainStore(nemo)));
        List<String> expected = new ArrayList<>(IntStream.range(0, WRITERS).mapToObj(i -> "anthropic:p" + i).toList());
        expected.add("openai:old");
        assertThat(store.path("profiles").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 0; i < WRITERS; i++) {
            assertThat(store.at("/profiles/anthropic:p" + i + "/token").asText()).isEqualTo(token(i));
        }
        JsonNode config = new ObjectMapper().readTree(Files.readString(Fixture.config(nemo)));
        assertThat(config.at("/auth/profiles").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(expected.subList(0, WRITERS));
        try (var leftovers = Files.list(Fixture.mainStore(nemo).getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).as("no temp files left behind")
                    .containsExactlyInAnyOrder("auth-profiles.json", "auth-profiles.json.lock");
        }
    }

    /**
     * The lock is held by this test's JVM, a process other than nemo's. (It takes a POSIX record
     * lock, the kind Java's FileChannel takes; a {@code flock(1)} lock is a different kind on Linux
     * and nemo does not see it.)
     */
    @Test
    void writeFailsWithAClearMessageWhenAnotherProcessHoldsTheStoreLockAndChangesNothing() throws Exception {
        NemoRun nemo = configured();
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1, "profiles": {"openai:x": {"type": "api_key", "provider": "openai", "key": "sk-x"}}}
                """);
        Path lockFile = Fixture.mainStore(nemo).resolveSibling("auth-profiles.json.lock");
        Fixture.write(lockFile, "");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            r = nemo.stdin("sk-new-token").run("models", "auth", "paste-token", "--provider", "openai");
        }

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("lock auth-profiles.json.lock is held by another process").contains("nothing was changed");
        assertThat(r.stdout()).isEmpty();
        before.assertUnchangedExceptLocks();
    }

    @Test
    void pasteTokenChangesNothingWhenAnotherProcessHoldsTheConfigLock() throws Exception {
        NemoRun nemo = configured();
        Path lockFile = Fixture.write(Fixture.config(nemo).resolveSibling("nemo.json.lock"), "");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());

        NemoRun.Result r;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            r = nemo.stdin("sk-new-token").run("models", "auth", "paste-token", "--provider", "openai");
        }

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("lock nemo.json.lock is held by another process");
        before.assertUnchangedExceptLocks();
    }

    private NemoRun configured() {
        NemoRun nemo = NemoRun.spawned(home);
        Fixture.write(Fixture.config(nemo), "{\"gateway\": {\"port\": 1234}}\n");
        return nemo;
    }
}
