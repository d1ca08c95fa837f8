package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.nemo.NemoException;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.config.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner on real files in a temporary state dir: which targets and pre-flight rows it makes. */
class ProbePlannerTest {
    private static final String CONFIG = """
            {
              "agents": {"defaults": {"model": "acme/fast-1.5", "models": {"acme/fast-1.5": {"alias": "fast"}}}},
              "models": {"providers": {"acme": {"baseUrl": "http://127.0.0.1:9/v1", "api": "openai-completions",
                                                "models": [{"id": "fast-1.5"}, {"id": "big-2.0"}]}}},
              "auth": {"order": {"acme": ["acme:work"]}}
            }
            """;
    private static final String STORE = """
            {"version": 1, "profiles": {
              "acme:work": {"type": "api_key", "provider": "acme", "key": "work-key-0000000001"},
              "acme:spare": {"type": "api_key", "provider": "acme", "key": "spare-key-000000002"},
              "acme:empty": {"type": "api_key", "provider": "acme", "key": ""}
            }}
            """;

    @TempDir
    Path state;

    private RunContext context(Map<String, String> extraEnv) throws IOException {
        Files.writeString(state.resolve("nemo.json"), CONFIG);
        Path agentDir = Files.createDirectories(state.resolve("agents/main/agent"));
        Files.writeString(agentDir.resolve("auth-profiles.json"), STORE);
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("NEMO_STATE_DIR", state.toString());
        env.put("HOME", state.toString());
        return RunContextLoader.load(new Environment(env), null, warning -> { });
    }

    private static ProbeOptions options(String provider, List<String> profiles, List<String> models, boolean allModels) {
        return new ProbeOptions(provider, profiles, 1000, 8, 16, models, allModels, 0, null);
    }

    private ProbePlan plan(ProbeOptions options) throws IOException {
        return new ProbePlanner(context(Map.of()), options, 0).plan();
    }

    @Test
    void profilesInTheExplicitOrderAreProbedAndTheOthersArePreflightRows() throws IOException {
        ProbePlan plan = plan(options(null, List.of(), List.of(), false));

        assertThat(plan.targets()).extracting(ProbeTarget::profileId).containsExactly("acme:work");
        assertThat(plan.targets().get(0).model().key()).isEqualTo("acme/fast-1.5");
        assertThat(plan.preflight()).extracting(ProbeResult::profileId, ProbeResult::reasonCode)
                .containsExactlyInAnyOrder(tuple("acme:spare", ReasonCode.EXCLUDED_BY_AUTH_ORDER),
                        tuple("acme:empty", ReasonCode.EXCLUDED_BY_AUTH_ORDER));
    }

    @Test
    void allModelsProbesEveryConfiguredModelWithEachCredential() throws IOException {
        ProbePlan plan = plan(options(null, List.of("acme:work"), List.of(), true));
        assertThat(plan.targets()).extracting(t -> t.model().key()).containsExactly("acme/fast-1.5", "acme/big-2.0");
    }

    @Test
    void probeModelAcceptsAnAlias() throws IOException {
        ProbePlan plan = plan(options(null, List.of(), List.of("fast"), false));
        assertThat(plan.targets()).extracting(t -> t.model().key()).containsExactly("acme/fast-1.5");
    }

    @Test
    void aProviderWithoutProfilesIsProbedWithItsEnvironmentKey() throws IOException {
        ProbePlan plan = new ProbePlanner(context(Map.of("GROQ_API_KEY", "gsk_env_key_000000000000")),
                options("groq", List.of(), List.of(), false), 0).plan();
        assertThat(plan.targets()).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo("env");
            assertThat(t.credential()).isEqualTo("gsk_env_key_000000000000");
            assertThat(t.model().provider()).isEqualTo("groq");
        });
    }

    @Test
    void aMistypedProviderFilterIsAUsageErrorWithASuggestion() throws IOException {
        RunContext ctx = context(Map.of());
        assertThatThrownBy(() -> new ProbePlanner(ctx, options("amce", List.of(), List.of(), false), 0))
                .isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.kind()).isEqualTo(NemoException.Kind.USAGE))
                .hasMessageContaining("did you mean \"acme\"");
    }

    @Test
    void aProfileOfAnotherProviderThanTheProviderFilterIsAUsageError() throws IOException {
        RunContext ctx = context(Map.of("GROQ_API_KEY", "gsk_env_key_000000000000"));
        assertThatThrownBy(() -> new ProbePlanner(ctx, options("groq", List.of("acme:work"), List.of(), false), 0))
                .isInstanceOf(NemoException.class).hasMessageContaining("belongs to provider acme");
    }

    @Test
    void aMistypedProfileFilterListsAtMostTwentyStoredProfiles() throws IOException {
        RunContext ctx = context(Map.of());
        Path store = state.resolve("agents/main/agent/auth-profiles.json");
        String many = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "\"acme:p%03d\": {\"type\": \"api_key\", \"provider\": \"acme\", \"key\": \"key-%016d\"}".formatted(i, i))
                .collect(java.util.stream.Collectors.joining(",", "{\"version\": 1, \"profiles\": {", "}}"));
        Files.writeString(store, many);
        RunContext large = RunContextLoader.load(ctx.env(), null, warning -> { });

        assertThatThrownBy(() -> new ProbePlanner(large, options(null, List.of("acme:p05O"), List.of(), false), 0))
                .isInstanceOf(NemoException.class)
                .hasMessageContaining("did you mean \"acme:p050\"")
                .hasMessageContaining("acme:p019, and 80 more)")
                .hasMessageNotContaining("acme:p020");
    }
}
