package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The man pages the build generates from the picocli model (target/man/man1, next to the JVM app
 * and the native binary), and native/install.sh putting them where man finds them.
 */
class ManPageIT {
    private static final Path PAGES = Path.of("target/man/man1").toAbsolutePath();
    private static final Path INSTALL = Path.of("native/install.sh").toAbsolutePath();

    @TempDir
    Path home;

    @BeforeEach
    void built() {
        assumeTrue(Files.isRegularFile(PAGES.resolve("nemo.1")), "no man pages in " + PAGES + " (built with -Dnemo.man.skip=true)");
    }

    private static Set<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void everyVisibleCommandHasATroffPageAndTheHiddenOneNone() throws Exception {
        assertThat(pages()).contains("nemo.1", "nemo-models.1", "nemo-models-status.1", "nemo-models-auth-clear-cooldown.1",
                "nemo-models-auth-order-set.1", "nemo-completion.1", "nemo-version.1", "nemo-help.1")
                .noneMatch(p -> p.contains("__complete")).allMatch(p -> p.endsWith(".1"));
        String status = Files.readString(PAGES.resolve("nemo-models-status.1"), StandardCharsets.UTF_8);
        assertThat(status).startsWith("'\\\" t").contains(".TH \"NEMO\\-MODELS\\-STATUS\" \"1\"").contains("\\-\\-probe\\-timeout");
    }

    @Test
    void installPutsTheLauncherAndTheManPagesWhereManFindsThem() throws Exception {
        Path bin = home.resolve(".local/bin");
        Path man = home.resolve(".local/share/man");

        Run install = run(List.of("sh", INSTALL.toString(), "--jvm", bin.toString()), Map.of("MANDIR", man.toString()));

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(Files.readSymbolicLink(bin.resolve("nemo"))).isEqualTo(Path.of("src/main/sh/nemo").toAbsolutePath());
        assertThat(pages()).allSatisfy(p -> assertThat(man.resolve("man1").resolve(p)).exists());
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed; the installed page is not rendered");
        Run page = run(List.of("man", "nemo-models-auth-clear-cooldown"), Map.of("MANPATH", man.toString(), "MANWIDTH", "80"));
        assertThat(page.exitCode()).as(page.toString()).isZero();
        assertThat(page.out()).contains("nemo models auth clear-cooldown").contains("--all");
    }

    @Test
    void installWithoutANativeBuildSaysHowToMakeOneAndInstallsNothing() throws Exception {
        assumeTrue(!Files.exists(Path.of("target/nemo-runner")), "a native build exists");
        Path bin = home.resolve("bin");

        Run install = run(List.of("sh", INSTALL.toString(), bin.toString()), Map.of("MANDIR", home.resolve("man").toString()));

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.out()).contains("./mvnw package -Dnative -DskipTests").contains("--jvm");
        assertThat(home.resolve("bin")).doesNotExist();
        assertThat(home.resolve("man")).doesNotExist();
    }

    private record Run(int exitCode, String out) {
    }

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "LANG", "C.UTF-8"));
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), out.join());
    }
}
