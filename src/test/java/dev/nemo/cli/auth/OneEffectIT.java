package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One command, one effect: {@code paste-token}, {@code login} and {@code remove} change the store
 * and the config together or not at all, and the next writer clears the temp files a killed one
 * left behind.
 */
class OneEffectIT {
    private static final String TOKEN = "gsk_one_Mn5Bv8Cx2Za4Sd7Fg1Hj";
    private static final String OTHER = "gsk_other_Qa2Ws4Ed6Rf8Tg0Yh";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, "{\"agents\": {\"defaults\": {\"model\": \"groq/llama-3.3-70b\"}}, \"auth\": {\"order\": {\"groq\": []}}}\n");
    }

    private NemoRun.Result paste(String token, String... extra) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("models", "auth", "paste-token", "--provider", "groq"),
                java.util.Arrays.stream(extra)).toArray(String[]::new);
        return nemo.stdin(token + "\n").run(args);
    }

    /** {@code chattr +i}: even root cannot create a file in the directory (the only way to make a write fail as root). */
    private static boolean immutable(Path dir, boolean on) throws Exception {
        Process p = new ProcessBuilder("chattr", on ? "+i" : "-i", dir.toString()).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void aConfigWriteThatFailsTakesTheStoreChangeBack() throws Exception {
        assertThat(paste(OTHER, "--profile-id", "groq:other").exitCode()).isZero(); // the store and the lock files exist
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        assumeTrue(immutable(nemo.stateDir(), true), "chattr +i is not available here; skipped");
        NemoRun.Result r;
        try {
            // The store lives in agents/main/agent, so it can still be written; nemo.json's temp file cannot.
            r = paste(TOKEN);
        } finally {
            immutable(nemo.stateDir(), false);
        }
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("error: Cannot update " + Fixture.config(nemo)).doesNotContain("Exception");
        before.assertUnchanged();
    }

    @Test
    void aRemoveWhoseConfigWriteFailsLeavesTheProfileInTheStore() throws Exception {
        assertThat(paste(TOKEN).exitCode()).isZero();
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        assumeTrue(immutable(nemo.stateDir(), true), "chattr +i is not available here; skipped");
        NemoRun.Result r;
        try {
            r = nemo.run("models", "auth", "remove", "groq:manual");
        } finally {
            immutable(nemo.stateDir(), false);
        }
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        before.assertUnchanged();
    }

    @Test
    void aReadOnlyConfigLeavesTheStoreUntouched() throws IOException {
        Files.setPosixFilePermissions(Fixture.config(nemo), PosixFilePermissions.fromString("r--r--r--"));
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        NemoRun.Result r = paste(TOKEN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        before.assertUnchangedExceptLocks();
        assertThat(Fixture.mainStore(nemo)).doesNotExist();
    }

    @Test
    void aCorruptStoreLeavesTheConfigUntouched() {
        Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": [}");
        DirSnapshot before = DirSnapshot.of(nemo.stateDir());
        NemoRun.Result r = paste(TOKEN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        before.assertUnchangedExceptLocks();
    }

    @Test
    void tempFilesAKilledWriterLeftAreRemovedByTheNextWriter() throws IOException {
        assertThat(paste(OTHER, "--profile-id", "groq:other").exitCode()).isZero();
        Path agent = Fixture.mainStore(nemo).getParent();
        Path staleConfig = Fixture.write(nemo.stateDir().resolve(".nemo.json.3fa9c2e17b5d0a41.tmp"), "{\"half\": ");
        Path staleStore = Fixture.write(agent.resolve(".auth-profiles.json.9e1d.tmp"), "{\"profiles\": {\"groq:x\": {\"key\": \"" + OTHER);
        Path notATemp = Fixture.write(nemo.stateDir().resolve(".nemo.json.notes"), "mine");
        NemoRun.Result r = paste(TOKEN);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(staleConfig).doesNotExist();
        assertThat(staleStore).doesNotExist();
        assertThat(notATemp).exists();
    }
}
