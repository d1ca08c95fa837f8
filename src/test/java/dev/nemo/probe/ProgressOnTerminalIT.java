package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress needs a terminal on stderr, so this test runs the packaged jar under util-linux
 * {@code script}, which gives it a pseudo-terminal, while every probe hangs at the fake.
 */
class ProgressOnTerminalIT {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final Pattern FRAME = Pattern.compile("Probing auth profiles… (\\d+)/3 · (\\d+) in flight · (\\d+) failed");

    @TempDir
    Path home;

    @Test
    void progressRedrawsWhileEveryProbeHangsAndIsWipedBeforeTheResults() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed: no pseudo-terminal to test progress on");
        try (FakeProvider fake = new FakeProvider()) {
            NemoRun nemo = new NemoRun(home);
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": "fake/never"}},
                     "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                                                       "models": [{"id": "never"}, {"id": "ok"}, {"id": "status-401"}]}}}}
                    """.formatted(fake.baseUrl()));
            Fixture.writeStore(nemo, "{\"version\": 1, \"profiles\": {\"fake:a\": {\"type\": \"api_key\", \"provider\": \"fake\","
                    + " \"key\": \"sk-fake-progress-key-000000000000\"}}}");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = System.getProperty("nemo.jar", "target/quarkus-app/quarkus-run.jar");
            String command = String.join(" ", java, "-jar", jar, "models", "status", "--probe", "--probe-all-models",
                    "--probe-timeout", "2000");
            ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qfec", command, "/dev/null");
            pb.environment().clear();
            pb.environment().put("HOME", home.toString());
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("NEMO_STATE_DIR", nemo.stateDir().toString());
            pb.environment().put("TERM", "xterm");
            pb.redirectErrorStream(true);
            Process process = pb.start();
            String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            Matcher frames = FRAME.matcher(terminal);
            int whileHanging = 0;
            while (frames.find()) {
                if (frames.group(1).equals("2") && frames.group(2).equals("1")) {
                    whileHanging++; // two answered, the third still hanging: only the timer redraws now
                }
            }
            assertThat(whileHanging).as("frames drawn while one probe hung:\n" + terminal).isGreaterThanOrEqualTo(2);
            String afterProgress = terminal.substring(terminal.lastIndexOf("\033[K") + 3);
            assertThat(afterProgress).contains("Auth probes").contains("timeout").doesNotContain("Probing auth profiles");
        }
    }
}
