package dev.nemo.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.FakeProxy;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/sh/nemo}) runs the built jar, keeps stdout clean and passes the exit code on;
 * its class-cache training run stays off the network and out of the user's files.
 */
class LauncherProcessIT {
    @TempDir
    Path home;

    @Test
    void runsTheJarWithStdoutOnlyNemosOutput() throws Exception {
        NemoRun.Result r = NemoRun.launcher(home).run("models", "status", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(new ObjectMapper().readTree(r.stdout()).has("defaultModel")).as(r.toString()).isTrue();
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void passesNemosExitCodeOn() {
        NemoRun nemo = NemoRun.launcher(home);
        Fixture.writeConfig(nemo, "{\"agents\": {\"defaults\": {\"model\": \"openai/gpt-5\"}}}");
        NemoRun.Result r = nemo.run("models", "status", "--json", "--plain");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("error: ");
    }

    @Test
    void aMissingJarIsOneLineOnStderrAndExitOne() {
        NemoRun.Result r = NemoRun.launcher(home).env("NEMO_JAR", home.resolve("none.jar").toString()).run("--version");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("nemo: " + home.resolve("none.jar") + " not found; build it with ./mvnw package -DskipTests\n");
    }

    @Test
    void theCacheTrainingRunUsesNoneOfTheUsersProxiesOrStateAndLeavesOnlyTheCache() throws Exception {
        try (FakeProxy proxy = new FakeProxy(); FakeProvider provider = new FakeProvider()) {
            NemoRun nemo = NemoRun.launcher(home).env("NEMO_NO_CACHE", null);
            // The user's state has a provider named as the training run's: a training run that read it would probe this fake.
            Fixture.writeConfig(nemo, """
                    {"models": {"providers": {"training": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                    """.formatted(provider.baseUrl()));
            Fixture.writeStore(nemo, """
                    {"version": 1, "profiles": {"training:default": {"type": "api_key", "provider": "training", "key": "sk-user-0000"}}}
                    """);
            for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")) {
                nemo.env(name, proxy.url());
            }
            DirSnapshot state = DirSnapshot.of(nemo.stateDir());

            NemoRun.Result r = nemo.run("models", "status", "--json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Path cacheDir = home.resolve(".cache/nemo");
            awaitNoLock(cacheDir);

            try (var files = Files.list(cacheDir)) {
                assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().matches("nemo-.*\\.(jsa|aot)");
            }
            assertThat(proxy.connects()).isZero();
            assertThat(proxy.forwarded()).isZero();
            assertThat(provider.requests()).isEmpty();
            state.assertUnchanged();
        }
    }

    /** Waits (on file events, up to 2 minutes) until the background training run has removed its lock. */
    private static void awaitNoLock(Path cacheDir) throws IOException, InterruptedException {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            cacheDir.register(watch, StandardWatchEventKinds.ENTRY_DELETE);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (hasLock(cacheDir) && System.nanoTime() < deadline) {
                var key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            assertThat(hasLock(cacheDir)).as("the training run ended within 2 minutes").isFalse();
        }
    }

    private static boolean hasLock(Path cacheDir) throws IOException {
        try (var files = Files.list(cacheDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".lock"));
        }
    }
}
