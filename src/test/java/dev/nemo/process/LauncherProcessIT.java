package dev.nemo.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script ({@code src/main/sh/nemo}) runs the built jar, keeps stdout clean and passes the exit code on. */
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
}
