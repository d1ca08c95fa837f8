package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.SecondUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes never follow a link into someone else's file, never replace a link that cannot be
 * resolved or a read-only file, and refuse a state directory of another user; the probe report
 * goes to standard output, a pipe or a device as it is, and its path is checked before any probe.
 */
class FileSafetyIT {
    private static final String CONFIG = "{\"agents\": {\"defaults\": {\"model\": \"anthropic/claude-opus-4-6\"}}}\n";
    private static final String TOKEN = "gsk_safe_Lk4Jh7Gf2Ds9Aq3Zw6Xe";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    private NemoRun.Result setModel() {
        return nemo.run("models", "set", "openai/gpt-5.1");
    }

    @Test
    void readOnlyConfigIsNotReplaced() throws IOException {
        Path config = Fixture.writeConfig(nemo, CONFIG);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("r--r--r--"));
        NemoRun.Result r = setModel();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("error: Will not write " + config).contains("read-only (mode 0444)").contains("Nothing was changed");
        assertThat(Files.readString(config)).isEqualTo(CONFIG);
    }

    @Test
    void readOnlyStoreIsNotReplacedAndTheConfigIsLeftAsItWas() throws IOException {
        Fixture.writeConfig(nemo, CONFIG);
        Path store = Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {}}");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("r--------"));
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        NemoRun.Result r = nemo.stdin(TOKEN).run("models", "auth", "paste-token", "--provider", "groq");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("read-only (mode 0400)");
        before.assertUnchangedExceptLocks();
    }

    @Test
    void aLinkThatCannotBeResolvedIsNotReplacedByAFile() throws IOException {
        Path config = Fixture.config(nemo);
        Files.createDirectories(config.getParent());
        Path missing = home.resolve("dotfiles/nemo.json");
        Files.createSymbolicLink(config, missing);
        NemoRun.Result r = setModel();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("symbolic link to " + missing + ", which does not exist");
        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(missing).doesNotExist();
    }

    @Test
    void aLinkToYourOwnFileIsWrittenThroughAndSurvives() throws IOException {
        Path real = Fixture.write(home.resolve("dotfiles/nemo.json"), CONFIG);
        Path config = Fixture.config(nemo);
        Files.createDirectories(config.getParent());
        Files.createSymbolicLink(config, real);
        NemoRun.Result r = setModel();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(Files.readString(real)).contains("openai/gpt-5.1");
    }

    @Test
    void aLockFilePlantedAsALinkIsNotFollowed() throws IOException {
        Fixture.writeConfig(nemo, CONFIG);
        Path victim = home.resolve("victim");
        Files.createSymbolicLink(nemo.stateDir().resolve("nemo.json.lock"), victim);
        NemoRun.Result r = setModel();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(victim).doesNotExist();
        assertThat(r.stderr()).startsWith("error: Cannot update").doesNotContain("Exception");
    }

    @Test
    void aLinkIntoAFileOfAnotherUserIsNotWritten() throws IOException {
        assumeTrue(SecondUser.available(), "needs root to create a second user (useradd); skipped");
        Path theirs = Fixture.write(home.resolve("theirs/nemo.json"), CONFIG);
        SecondUser.chown(theirs);
        Path config = Fixture.config(nemo);
        Files.createDirectories(config.getParent());
        Files.createSymbolicLink(config, theirs);
        NemoRun.Result r = setModel();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("it belongs to another user");
        assertThat(Files.readString(theirs)).isEqualTo(CONFIG);
    }

    @Test
    void aLinkAnotherUserPlantedInASharedDirectoryIsNotFollowed() throws IOException {
        assumeTrue(SecondUser.available(), "needs root to create a second user (useradd); skipped");
        Path shared = Files.createDirectories(home.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path mine = Fixture.write(home.resolve("mine.json"), CONFIG);
        Path planted = Files.createSymbolicLink(shared.resolve("nemo.json"), mine);
        SecondUser.chownLink(planted);
        NemoRun.Result r = nemo.env("NEMO_CONFIG_PATH", planted.toString()).run("models", "set", "openai/gpt-5.1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("symbolic link owned by another user in the shared directory " + shared);
        assertThat(Files.readString(mine)).isEqualTo(CONFIG);
    }

    @Test
    void aStateDirectoryOfAnotherUserIsRefused() throws IOException {
        assumeTrue(SecondUser.available(), "needs root to create a second user (useradd); skipped");
        Path config = Fixture.writeConfig(nemo, CONFIG);
        SecondUser.chown(nemo.stateDir());
        NemoRun.Result r = setModel();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("its directory " + nemo.stateDir() + " belongs to another user");
        assertThat(Files.readString(config)).isEqualTo(CONFIG);
        assertThat(nemo.stateDir().resolve("nemo.json.lock")).doesNotExist();
    }

    // ---- the probe report ----

    /** A fake provider the default model runs on, with one key. */
    private FakeProvider probedSetup() {
        FakeProvider fake = new FakeProvider();
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "fake/ok"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "apiKey": "sk-fake-Qw2Er4Ty6Ui8Op0As", "models": [{"id": "ok"}]}}}}
                """.formatted(fake.baseUrl()));
        return fake;
    }

    @Test
    void aProbeRunWritesNothingToTheSharedTemporaryDirectory() throws IOException {
        Path tmp = Files.createDirectory(home.resolve("tmp"));
        try (FakeProvider fake = new FakeProvider()) {
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": "fake/never"}},
                     "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "apiKey": "sk-fake-Qw2Er4Ty6Ui8Op0As", "models": [{"id": "never"}]}}}}
                    """.formatted(fake.baseUrl()));
            // The JVM's temporary directory, for this process only: a spawned nemo with java.io.tmpdir set.
            NemoRun.Running run = NemoRun.spawned(home).env("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp)
                    .start("models", "status", "--probe", "--json", "--probe-timeout", "60000");
            fake.awaitRequests(1, 30);
            try (var inFlight = Files.list(tmp)) {
                assertThat(inFlight).as("while a probe is in flight").isEmpty();
            }
            run.interrupt();
            assertThat(run.await().exitCode()).isEqualTo(130);
        }
        try (var after = Files.list(tmp)) {
            assertThat(after).as("after the run").isEmpty();
        }
    }

    @Test
    void reportToStandardOutputIsTheOnlyThingOnStandardOutput() {
        try (FakeProvider fake = probedSetup()) {
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-report", "-");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).startsWith("<?xml").contains("<testcase").endsWith("</testsuites>\n");
        }
    }

    @Test
    void reportToStandardOutputWithJsonIsAUsageError() {
        try (FakeProvider fake = probedSetup()) {
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--json", "--probe-report", "-");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(fake.requests()).isEmpty();
        }
    }

    @Test
    void reportToDevStdoutIsWrittenDirectly() {
        try (FakeProvider fake = probedSetup()) {
            // /dev/stdout is the process's own standard output: only a spawned nemo has one to capture.
            NemoRun.Result r = NemoRun.spawned(home).run("models", "status", "--probe", "--probe-report", "/dev/stdout");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("<testcase").contains("Auth probes");
        }
    }

    @Test
    void reportToANamedPipeIsWrittenIntoThePipe() throws Exception {
        Path fifo = home.resolve("report.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available; skipped");
        try (FakeProvider fake = probedSetup()) {
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-report", fifo.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(read.get(60, TimeUnit.SECONDS)).contains("<testcase");
            assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("the pipe was not replaced by a file").isFalse();
        }
    }

    @Test
    void reportPathThatIsADirectoryFailsBeforeAnyProbe() throws IOException {
        Path dir = Files.createDirectories(home.resolve("reports"));
        try (FakeProvider fake = probedSetup()) {
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-report", dir.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.stderr()).contains(dir + " is a directory");
            assertThat(fake.requests()).isEmpty();
        }
    }

    @Test
    void reportInAMissingDirectoryFailsBeforeAnyProbeAndCreatesNoDirectory() {
        Path report = home.resolve("no/such/dir/report.xml");
        try (FakeProvider fake = probedSetup()) {
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-report", report.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.stderr()).contains("does not exist (nemo does not create it)");
            assertThat(fake.requests()).isEmpty();
            assertThat(home.resolve("no")).doesNotExist();
        }
    }

    @Test
    void reportOverALinkThatCannotBeResolvedFailsBeforeAnyProbe() throws IOException {
        Path link = Files.createSymbolicLink(home.resolve("report.xml"), home.resolve("gone/report.xml"));
        try (FakeProvider fake = probedSetup()) {
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-report", link.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(fake.requests()).isEmpty();
            assertThat(Files.isSymbolicLink(link)).isTrue();
        }
    }
}
