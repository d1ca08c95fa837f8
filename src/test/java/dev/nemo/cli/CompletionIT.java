package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoOnPath;
import dev.nemo.testing.NemoRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Completion that knows your setup: the scripts of {@code nemo completion bash|zsh|fish}, sourced
 * by the real shell, complete commands, options and closed sets of values, and — through the
 * hidden {@code nemo __complete} — the provider ids, profile ids, agents, aliases and model refs
 * of this user's config and store, never a secret. A shell that is not installed is skipped
 * (.ci/run installs bash, zsh and fish).
 */
class CompletionIT {
    enum Shell { bash, zsh, fish }

    private static final String SECRET = "sk-acme-Compl3tionNeverShowsThis0001";
    private static final Map<Shell, String> SCRIPTS = new EnumMap<>(Shell.class);

    @TempDir
    Path home;
    NemoRun nemo;
    Path bin;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        bin = NemoOnPath.install(home.resolve("bin"));
        Fixture.writeConfig(nemo, """
                {agents: {defaults: {model: {primary: "acme-internal/reasoner-large", fallbacks: ["anthropic/claude-opus-4-6"]},
                                     models: {"anthropic/claude-opus-4-6": {alias: "opus"}, "acme-internal/reasoner-large": {alias: "big"}}},
                          list: [{id: "main", default: true}, {id: "work"}]},
                 models: {providers: {"acme-internal": {baseUrl: "http://127.0.0.1:9/v1", api: "openai-completions",
                                                        apiKey: "%1$s", models: [{id: "reasoner-large"}]}}}}
                """.formatted(SECRET));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "%1$s-a"},
                  "acme-internal:ci": {"type": "api_key", "provider": "acme-internal", "key": "%1$s-b"}}}
                """.formatted(SECRET));
        Fixture.write(nemo.stateDir().resolve("agents/work/agent/auth-profiles.json"), """
                {"version": 1, "profiles": {"openai:work": {"type": "api_key", "provider": "openai", "key": "%s-c"}}}
                """.formatted(SECRET));
    }

    static Stream<Arguments> lines() {
        List<Arguments> cases = new ArrayList<>();
        for (Shell shell : Shell.values()) {
            cases.add(Arguments.of(shell, "nemo ", List.of("models", "plugins", "completion", "version", "help"), true));
            cases.add(Arguments.of(shell, "nemo models auth ",
                    List.of("paste-token", "setup-token", "add", "login", "list", "remove", "order", "clear-cooldown"), true));
            cases.add(Arguments.of(shell, "nemo models auth list --", List.of("--agent", "--json", "--plain", "--provider", "--help",
                    "--version"), false));
            cases.add(Arguments.of(shell, "nemo models auth login --method ", List.of("api-key", "oauth", "device"), true));
            cases.add(Arguments.of(shell, "nemo completion ", List.of("bash", "zsh", "fish"), true));
            cases.add(Arguments.of(shell, "nemo models status --probe-provider acme", List.of("acme-internal"), true));
            cases.add(Arguments.of(shell, "nemo models auth remove ", List.of("acme-internal:ci", "anthropic:default"), true));
            cases.add(Arguments.of(shell, "nemo models auth remove anthropic:", List.of("anthropic:default"), true));
            cases.add(Arguments.of(shell, "nemo models auth remove --agent work ",
                    List.of("acme-internal:ci", "anthropic:default", "openai:work"), true));
            cases.add(Arguments.of(shell, "nemo models status --agent ", List.of("main", "work"), true));
            cases.add(Arguments.of(shell, "nemo models aliases remove ", List.of("big", "opus"), true));
            cases.add(Arguments.of(shell, "nemo models set acme", List.of("acme-internal/reasoner-large"), true));
            cases.add(Arguments.of(shell, "nemo models fallbacks add op", List.of("openai/gpt-5", "opus"), false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("lines")
    void tabOffersWhatTheCommandLineAndTheUsersSetupAllow(Shell shell, String line, List<String> expected, boolean exactly) {
        List<String> offered = complete(shell, line);

        if (exactly) {
            assertThat(offered).as("%s: %s", shell, line).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            assertThat(offered).as("%s: %s", shell, line).containsAll(expected);
        }
        assertThat(String.join("\n", offered)).doesNotContain(SECRET.substring(0, 12));
    }

    @Test
    void theHiddenCompletionCommandIsNeverOffered() {
        for (Shell shell : Shell.values()) {
            if (installed(shell).isPresent()) {
                assertThat(complete(shell, "nemo _")).as(shell.name()).isEmpty();
            }
        }
    }

    @Test
    void hiddenCompletionCommandPrintsIdsOnlyAndStaysSilentOnABrokenConfig() {
        NemoRun.Result profiles = nemo.run("__complete", "profiles", "--", "nemo", "models", "auth", "remove", "--agent=work");
        Fixture.write(Fixture.config(nemo), "{ not json");
        NemoRun.Result broken = nemo.run("__complete", "providers");

        assertThat(profiles.exitCode()).as(profiles.toString()).isZero();
        assertThat(profiles.stdout()).isEqualTo("acme-internal:ci\nanthropic:default\nopenai:work\n");
        assertThat(broken.exitCode()).isZero();
        assertThat(broken.stdout() + broken.stderr()).isEmpty();
    }

    private List<String> complete(Shell shell, String line) {
        Path executable = installed(shell).orElse(null);
        assumeTrue(executable != null, shell + " is not installed (.ci/run installs it with apt-get); its completion is not tested");
        Path script = home.resolve("nemo-completion." + shell);
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        switch (shell) {
            case bash -> command.addAll(List.of("--norc", "--noprofile", resource("bash-complete.sh").toString()));
            case zsh -> command.addAll(List.of("-f", resource("zsh-complete.zsh").toString()));
            case fish -> command.addAll(List.of("--no-config", "-c", "source $argv[1]; complete -C $argv[2]"));
        }
        command.add(script.toString());
        command.add(line);
        try {
            Files.writeString(script, script(shell));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(Map.of("HOME", home.toString(), "NEMO_STATE_DIR", nemo.stateDir().toString(),
                    "PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "TERM", "dumb",
                    "TMPDIR", home.toString()));
            Process process = pb.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(shell + " did not finish completing \"" + line + "\" within 60 s");
            }
            return out.join().lines().map(l -> l.split("\t", 2)[0]).filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The script as {@code nemo completion <shell>} prints it; generated once per shell. */
    private String script(Shell shell) {
        synchronized (SCRIPTS) {
            return SCRIPTS.computeIfAbsent(shell, s -> {
                NemoRun.Result r = nemo.run("completion", s.name());
                assertThat(r.exitCode()).as(r.toString()).isZero();
                return r.stdout();
            });
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/completion", name).toAbsolutePath();
    }

    private static Optional<Path> installed(Shell shell) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir, shell.name())).filter(Files::isExecutable).findFirst();
    }
}
