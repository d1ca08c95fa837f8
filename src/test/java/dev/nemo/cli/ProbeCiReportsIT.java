package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import dev.nemo.testing.WorkflowCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `models status --probe` in CI: workflow annotations with GITHUB_ACTIONS=true, the Markdown
 * table appended to GITHUB_STEP_SUMMARY, neither without those variables, and --probe-results
 * narrowing every report but never the exit code.
 */
class ProbeCiReportsIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-fake-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    /** A provider's message written to break out of a workflow command: a newline, a command of its own, % and the property delimiters. */
    private static final String HOSTILE = "Key rejected: 100% sure, see https://example.test/a,b\n::error title=forged::pwned";

    @BeforeEach
    void start() {
        fake.replay("hostile", new FakeProvider.Canned(401, Map.of("content-type", "application/json"),
                JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", HOSTILE)).toString()));
        // fake:p000 is probed against four models (ok, auth, rate_limit, and a hostile auth error);
        // fake:p001 is left out by auth.order, a skipped row.
        Fixture.writeConfig(nemo, """
                {
                  "agents": {"defaults": {"model": "fake/ok"}},
                  "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                    "models": [{"id": "ok"}, {"id": "status-401"}, {"id": "ratelimit"}, {"id": "hostile"}]}}},
                  "auth": {"order": {"fake": ["fake:p000"]}}
                }
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "fake:p000": {"type": "api_key", "provider": "fake", "key": "%s0"},
                  "fake:p001": {"type": "api_key", "provider": "fake", "key": "%s1"}}}
                """.formatted(KEY, KEY));
    }

    private NemoRun.Result probe(String... extra) {
        List<String> args = new ArrayList<>(List.of("models", "status", "--probe", "--probe-all-models"));
        args.addAll(List.of(extra));
        return nemo.run(args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> rowsByModel(NemoRun.Result run) throws Exception {
        JsonNode results = JSON.readTree(run.stdout()).path("auth").path("probes").path("results");
        return StreamSupport.stream(results.spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("model").asText(r.path("profileId").asText()), r -> r));
    }

    @Test
    void githubActionsGetsOneAnnotationPerFailedOrWarningRowOnStderrWhileStdoutHoldsOnlyTheJson() throws Exception {
        nemo.env("GITHUB_ACTIONS", "true");
        NemoRun.Result run = probe("--json", "--check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        Map<String, JsonNode> rows = rowsByModel(run); // stdout parses as JSON: nothing else is on it
        assertThat(WorkflowCommand.all(run.stdout())).isEmpty();
        List<WorkflowCommand> commands = WorkflowCommand.all(run.stderr());
        assertThat(commands).extracting(WorkflowCommand::name).containsExactly("error", "error", "warning");

        WorkflowCommand auth = commands.get(0);
        assertThat(auth.properties().get("title")).isEqualTo("nemo probe auth (invalid_key): fake fake:p000");
        assertThat(auth.data()).startsWith("provider fake, profile fake:p000, model fake/status-401: status auth, reasonCode invalid_key — "
                + rows.get("fake/status-401").path("error").asText());
        WorkflowCommand rateLimit = commands.get(2);
        assertThat(rateLimit.properties().get("title")).isEqualTo("nemo probe rate_limit (rate_limited): fake fake:p000");
        assertThat(rateLimit.data()).contains("model fake/ratelimit", "reasonCode rate_limited", "retry in 30s");
    }

    @Test
    void aProviderMessageCannotEndItsAnnotationOrForgeAnother() throws Exception {
        nemo.env("GITHUB_ACTIONS", "true");
        NemoRun.Result run = probe("--json");

        String error = rowsByModel(run).get("fake/hostile").path("error").asText();
        assertThat(error).contains("100%", "a,b"); // the message reaches the row as the provider wrote it (redacted)
        List<WorkflowCommand> commands = WorkflowCommand.all(run.stderr());
        assertThat(commands).extracting(WorkflowCommand::name).containsExactly("error", "error", "warning");
        WorkflowCommand hostile = commands.stream().filter(c -> c.data().contains("fake/hostile")).findFirst().orElseThrow();
        assertThat(hostile.data()).contains(": status auth, reasonCode invalid_key — " + error + " (latency ");
        assertThat(hostile.properties()).containsOnlyKeys("title");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "false", "1"})
    void withoutGithubActionsTrueThereAreNoAnnotations(String value) {
        if (!value.isEmpty()) {
            nemo.env("GITHUB_ACTIONS", value);
        }
        NemoRun.Result run = probe("--check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(WorkflowCommand.all(run.stderr())).isEmpty();
        assertThat(WorkflowCommand.all(run.stdout())).isEmpty();
    }

    @Test
    void theStepSummaryIsAppendedToWhatEarlierStepsWroteFailuresFirst() throws Exception {
        Path summary = Fixture.write(home.resolve("runner/step_summary_1"), "## Earlier step\n\n");
        nemo.env("GITHUB_STEP_SUMMARY", summary.toString());
        NemoRun.Result run = probe("--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String markdown = Files.readString(summary);
        assertThat(markdown).startsWith("## Earlier step\n\n### nemo: auth probes\n");
        assertThat(markdown).contains("Probed 4 targets in ", "❌ 2 failed · ⚠️ 1 warning · ⏭️ 1 skipped · ✅ 1 ok");
        List<String> table = markdown.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(table.get(0)).isEqualTo("| | Provider | Profile | Model | Status | Reason | Latency | Details |");
        assertThat(table.subList(1, table.size())).extracting(l -> l.substring(0, l.indexOf(" | ")))
                .containsExactly("| ❌ failed", "| ❌ failed", "| ⚠️ warning", "| ⏭️ skipped", "| ✅ ok");
        // The hostile message stays inside its cell: one line, its pipes and markup escaped.
        String hostile = table.stream().filter(l -> l.contains("hostile")).findFirst().orElseThrow();
        assertThat(hostile).contains("100\\% sure\\, see https\\:\\/\\/example\\.test\\/a\\,b \\:\\:error title\\=forged\\:\\:pwned");
        assertThat(hostile.split("(?<!\\\\)\\|", -1)).hasSize(10); // 8 cells between 9 unescaped pipes

        probe("--json");
        assertThat(Files.readString(summary)).startsWith(markdown).contains("### nemo: auth probes");
        assertThat(Files.readString(summary).split("### nemo: auth probes", -1)).hasSize(3);
    }

    @Test
    void withoutTheSummaryVariableNothingIsWrittenAnywhere() {
        nemo.env("GITHUB_ACTIONS", "true");
        DirSnapshot before = DirSnapshot.of(home);
        NemoRun.Result run = probe("--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        before.assertUnchanged();
    }

    @Test
    void anUnwritableSummaryIsAWarningAndTheRunStillReports() {
        nemo.env("GITHUB_STEP_SUMMARY", home.resolve("no-such-dir/summary.md").toString());
        NemoRun.Result run = probe("--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("warning: cannot append the probe summary to GITHUB_STEP_SUMMARY ("
                + home.resolve("no-such-dir/summary.md") + "): no such file or directory");
        assertThat(run.stdout()).startsWith("{");
    }

    @ParameterizedTest(name = "--probe-results {0} shows {1}")
    @CsvSource(delimiter = ';', value = {
            "failed;fake/status-401,fake/hostile",
            "warning;fake/ratelimit",
            "skipped;fake:p001",
            "ok,warning;fake/ok,fake/ratelimit",
            "FAILED , skipped;fake/status-401,fake/hostile,fake:p001"})
    void probeResultsNarrowsTheJsonButNotTheExitCode(String kinds, String expected) throws Exception {
        NemoRun.Result run = probe("--json", "--check", "--probe-results", kinds);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1); // the auth failures count, shown or not
        assertThat(rowsByModel(run).keySet()).containsExactlyInAnyOrder(expected.split(","));
        assertThat(JSON.readTree(run.stdout()).path("auth").path("probes").path("totalTargets").asInt()).isEqualTo(4);
    }

    @Test
    void probeResultsNarrowsTheTableAnnotationsSummaryAndJUnitReportAlike() throws Exception {
        Path summary = home.resolve("summary.md");
        Path report = home.resolve("probes.xml");
        nemo.env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", summary.toString());
        NemoRun.Result run = probe("--probe-results", "warning", "--probe-report", report.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String table = run.stdout().substring(run.stdout().indexOf("Auth probes"));
        assertThat(table).contains("fake/ratelimit").doesNotContain("fake/ok", "status-401", "hostile");
        assertThat(WorkflowCommand.all(run.stderr())).extracting(WorkflowCommand::name).containsExactly("warning");
        assertThat(Files.readString(summary).lines().filter(l -> l.startsWith("| ⚠️") || l.startsWith("| ❌") || l.startsWith("| ✅")))
                .hasSize(1);
        assertThat(Files.readString(report)).contains("fake/ratelimit").doesNotContain("fake/ok", "status-401");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "failde|unknown kind \"failde\" (did you mean failed?); accepted: ok, warning, failed, skipped",
            "errors|unknown kind \"errors\"; accepted: ok, warning, failed, skipped",
            "','|needs at least one of ok, warning, failed, skipped"})
    void aBadProbeResultsValueExits64NamingTheAcceptedOnesBeforeAnyProbe(String value, String message) {
        DirSnapshot before = DirSnapshot.of(home);
        NemoRun.Result run = probe("--probe-results", value);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr().lines().findFirst().orElse("")).isEqualTo("error: --probe-results" + (message.startsWith("needs") ? " " : ": ") + message);
        assertThat(run.stdout()).isEmpty();
        assertThat(fake.requests()).isEmpty();
        before.assertUnchanged();
    }
}
