package dev.nemo.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged app (the JVM jar, or the native executable when the native profile built one) as
 * a process: it starts, answers like the in-process runs the rest of the suite makes, keeps
 * stdout to nemo's output and stderr free of framework noise, and probes over real HTTP.
 */
class PackagedAppProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            {"agents": {"defaults": {"model": {"primary": "anthropic/claude-opus-4-6", "fallbacks": ["openai/gpt-5"]}}},
             "models": {"providers": {"mylocal": {"baseUrl": "http://127.0.0.1:9/v1", "api": "openai-completions",
                                                  "models": [{"id": "m1"}]}}}}
            """;

    @TempDir
    Path home;

    static List<List<String>> commands() {
        return List.of(List.of("--help"), List.of("models", "status", "--help"), List.of("models", "status", "--json"),
                List.of("models", "status"), List.of("models", "list", "--all", "--json"), List.of("plugins", "list"),
                List.of("models", "set", "opus"), List.of("modles"), List.of("models", "list", "--json", "--plain"));
    }

    /** Same exit code, stdout and stderr as the in-process run: what the rest of the suite checks holds for the app. */
    @ParameterizedTest
    @MethodSource("commands")
    void answersExactlyAsTheInProcessRun(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        NemoRun spawned = NemoRun.spawned(home.resolve("spawned"));
        NemoRun inProcess = new NemoRun(home.resolve("in-process"));
        Fixture.writeConfig(spawned, CONFIG);
        Fixture.writeConfig(inProcess, CONFIG);

        NemoRun.Result app = spawned.run(argv);
        NemoRun.Result expected = inProcess.run(argv);

        assertThat(app.exitCode()).as(app.toString()).isEqualTo(expected.exitCode());
        assertThat(homeless(app.stdout(), spawned)).isEqualTo(homeless(expected.stdout(), inProcess));
        assertThat(homeless(app.stderr(), spawned)).isEqualTo(homeless(expected.stderr(), inProcess));
    }

    /** Each run has its own HOME; paths under it are the same once it is taken out. */
    private static String homeless(String text, NemoRun run) {
        return text.replace(run.home().toString(), "<home>");
    }

    @Test
    void versionNamesNemoAndTheJava() {
        NemoRun.Result r = NemoRun.spawned(home).run("--version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("nemo ").contains("Java ");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void probesAFakeProviderOverHttp() throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            NemoRun nemo = NemoRun.spawned(home);
            Fixture.writeConfig(nemo, """
                    {"agents": {"defaults": {"model": "fake/ok"}},
                     "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions", "models": [{"id": "ok"}]}}}}
                    """.formatted(fake.baseUrl()));
            Fixture.writeStore(nemo, """
                    {"version": 1, "profiles": {"fake:a": {"type": "api_key", "provider": "fake", "key": "sk-fake-0123456789abcdef"}}}
                    """);
            // The packaged app sends a real probe through the engine (per-provider limit included).
            NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-provider-concurrency", "1", "--check", "--json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode results = JSON.readTree(r.stdout()).path("auth").path("probes").path("results");
            assertThat(results).hasSize(1);
            assertThat(results.get(0).path("status").asText()).isEqualTo("ok");
            assertThat(fake.requests()).singleElement()
                    .satisfies(s -> assertThat(s.header("authorization")).isEqualTo("Bearer sk-fake-0123456789abcdef"));
            assertThat(r.stderr()).isEmpty();
        }
    }
}
