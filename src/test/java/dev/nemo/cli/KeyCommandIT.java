package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.SecondUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code !command} keys: run only by commands that send the key, only from files no other user can
 * change, all at once, and never outliving their time limit (the whole process group ends).
 */
class KeyCommandIT {
    private static final String KEY = "gsk_cmd_Rt5Yh8Jk2Lm4Nb7Vc1Xz";

    @TempDir
    Path home;
    FakeProvider fake;
    NemoRun nemo;
    Path marks;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeProvider();
        nemo = new NemoRun(home);
        marks = Files.createDirectories(home.resolve("marks"));
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                """.formatted(fake.baseUrl()));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A store whose profiles {@code fake:<name>} have key commands that leave a mark, then print {@code KEY-<name>}. */
    private Path storeWithCommands(List<String> names, String before) {
        String profiles = names.stream().map(n -> "\"fake:%s\": {\"type\": \"api_key\", \"provider\": \"fake\", \"key\": \"!touch %s; %s printf %%s %s-%s\"}"
                .formatted(n, marks.resolve(n), before, KEY, n)).collect(Collectors.joining(", "));
        return Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {" + profiles + "}}");
    }

    private Set<String> keysSeen() {
        return fake.requests().stream().map(s -> s.header("authorization")).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"models status", "models status --json --check", "models list", "models auth list", "models auth list --json"})
    void commandsThatNeverSendAKeyDoNotRunKeyCommands(String command) {
        storeWithCommands(List.of("a"), "");
        NemoRun.Result r = nemo.run(command.split(" "));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(marks.resolve("a")).as("the key command ran for `" + command + "`").doesNotExist();
    }

    @Test
    void statusShowsAKeyCommandWithoutRunningIt() {
        storeWithCommands(List.of("a"), "");
        NemoRun.Result r = nemo.run("models", "status");
        assertThat(r.stdout()).contains("fake:a=command (not run)");
    }

    @Test
    void probeRunsTheKeyCommandAndSendsItsOutput() {
        storeWithCommands(List.of("a"), "");
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(keysSeen()).containsExactly("Bearer " + KEY + "-a");
        assertThat(r.stdout() + r.stderr()).doesNotContain(KEY);
    }

    @Test
    void probeOfAnotherProviderDoesNotRunTheKeyCommand() {
        storeWithCommands(List.of("a"), "");
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-provider", "groq", "--json");
        assertThat(marks.resolve("a")).as(r.toString()).doesNotExist();
    }

    @Test
    void keyCommandsOfSeveralProfilesRunAtOnce() {
        // Each command waits (bounded) until all three have started: run one after another, the
        // first would wait out its limit and its key would be missing.
        String waitForAll = "i=0; while [ $(ls %s | wc -l) -lt 3 ] && [ $i -lt 90 ]; do sleep 0.1; i=$((i+1)); done;".formatted(marks);
        storeWithCommands(List.of("a", "b", "c"), waitForAll);
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(keysSeen()).containsExactlyInAnyOrder("Bearer " + KEY + "-a", "Bearer " + KEY + "-b", "Bearer " + KEY + "-c");
    }

    @Test
    void groupWritableStoreSkipsKeyCommandsWithOneWarningNamingFileAndReason() throws IOException {
        Path store = storeWithCommands(List.of("a", "b"), "");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-rw----"));
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--json");
        assertThat(marks.resolve("a")).doesNotExist();
        assertThat(r.stderr().lines().filter(l -> l.startsWith("warning:") && l.contains(store.toString())
                && l.contains("writable by its group"))).as(r.toString()).hasSize(1);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void worldWritableDirectorySkipsKeyCommandsOfThePiStore() throws IOException {
        Path agent = home.resolve("pi-agent");
        Path pi = Fixture.write(agent.resolve("auth.json"),
                "{\"fake\": {\"type\": \"api_key\", \"key\": \"!touch %s; printf %%s %s\"}}".formatted(marks.resolve("pi"), KEY));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxrwxrwx"));
        NemoRun.Result r = nemo.env("PI_CODING_AGENT_DIR", agent.toString()).run("models", "status", "--probe", "--json");
        assertThat(marks.resolve("pi")).doesNotExist();
        assertThat(r.stderr()).contains(pi.toString()).contains("its directory " + agent + " is writable by every user");
    }

    @Test
    void firstWriteOfAStoreNextToAnUntrustedPiFileDoesNotCopyItsKeyCommand() throws IOException {
        Path agent = home.resolve("pi-agent");
        Fixture.write(agent.resolve("auth.json"), "{\"fake\": {\"type\": \"api_key\", \"key\": \"!touch %s\"}}".formatted(marks.resolve("pi")));
        Files.setPosixFilePermissions(agent.resolve("auth.json"), PosixFilePermissions.fromString("rw-rw-rw-"));
        NemoRun.Result r = nemo.env("PI_CODING_AGENT_DIR", agent.toString()).stdin("gsk_new_Po9Iu7Yt5Re3Wq1")
                .run("models", "auth", "paste-token", "--provider", "groq");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(agent.resolve("auth-profiles.json"))).doesNotContain("touch");
    }

    @Test
    void storeOwnedByAnotherUserSkipsKeyCommands() throws Exception {
        assumeTrue(SecondUser.available(), "needs root to create a second user (useradd); skipped");
        Path store = storeWithCommands(List.of("a"), "");
        SecondUser.chown(store);
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--json");
        assertThat(marks.resolve("a")).doesNotExist();
        assertThat(r.stderr()).contains(store.toString()).contains("is owned by another user");
    }

    @Test
    void aKeyCommandThatHangsIsKilledWithItsWholeProcessGroupAtTheLimit() throws Exception {
        Path childPid = home.resolve("child.pid");
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:slow": {"type": "api_key", "provider": "fake",
                  "key": "!sleep 600 & echo $! > %s; wait"}}}""".formatted(childPid));
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--json");
        assertThat(r.stderr()).as(r.toString()).contains("key command of \"fake:slow\" timed out after 10 s");
        long pid = Long.parseLong(Files.readString(childPid).trim());
        assertThat(alive(pid)).as("the command's background child outlived nemo").isFalse();
    }

    /** Alive and not a zombie waiting for a reaper (a container's init may never reap it). */
    private static boolean alive(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String s = Files.readString(stat);
        return !s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
    }
}
