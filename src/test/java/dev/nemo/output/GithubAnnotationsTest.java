package dev.nemo.output;

import dev.nemo.auth.CredentialKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.Environment;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.probe.ReasonCode;
import dev.nemo.testing.WorkflowCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GithubAnnotationsTest {

    private static ProbeResult row(String model, ReasonCode reason, String error) {
        return new ProbeResult("openai", model, "openai:work", "openai:work (dev@example.com)", "profile", CredentialKind.API_KEY,
                reason == null ? ProbeStatus.OK : reason.status(), reason, error, 120L, reason == null ? null : "req_1",
                reason == ReasonCode.RATE_LIMITED ? 30_000L : null);
    }

    private static ProbeRun run(List<ProbeResult> rows) {
        return new ProbeRun(0, 1000, 1000, rows.size(), null, rows, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "plain text => plain text => plain text",
            "100% => 100%25 => 100%25",
            "a:b,c => a:b,c => a%3Ab%2Cc",
            "'line\\nbreak' => line%0Abreak => line%0Abreak",
            "'cr\\rlf' => cr%0Dlf => cr%0Dlf",
            "%0A literally => %250A literally => %250A literally",
            "'::error::x' => ::error::x => %3A%3Aerror%3A%3Ax"})
    void escapesAsTheRunnerUnescapes(String raw, String data, String property) {
        String text = raw.replace("\\n", "\n").replace("\\r", "\r");
        assertThat(GithubAnnotations.escapeData(text)).isEqualTo(data);
        assertThat(GithubAnnotations.escapeProperty(text)).isEqualTo(property);
        WorkflowCommand parsed = WorkflowCommand.parse(GithubAnnotations.command("error", text, text)).orElseThrow();
        assertThat(parsed.properties()).containsExactly(Map.entry("title", text));
        assertThat(parsed.data()).isEqualTo(text);
    }

    @Test
    void failedRowsAreErrorsWarningRowsWarningsAndOkOrSkippedRowsNothing() {
        List<String> lines = GithubAnnotations.render(run(List.of(
                row("openai/gpt-5", null, null),
                row("openai/gpt-5-mini", ReasonCode.RATE_LIMITED, "Rate limit reached"),
                row("openai/gpt-4o", ReasonCode.INVALID_KEY, "Incorrect API key provided"),
                row(null, ReasonCode.EXCLUDED_BY_AUTH_ORDER, "Excluded by auth.order for this provider."))));

        assertThat(lines).containsExactly(
                "::error title=nemo probe auth (invalid_key)%3A openai openai%3Awork (dev@example.com)::provider openai, profile"
                        + " openai:work (dev@example.com), model openai/gpt-4o: status auth, reasonCode invalid_key — Incorrect API key"
                        + " provided (latency 120ms, request req_1)",
                "::warning title=nemo probe rate_limit (rate_limited)%3A openai openai%3Awork (dev@example.com)::provider openai,"
                        + " profile openai:work (dev@example.com), model openai/gpt-5-mini: status rate_limit, reasonCode rate_limited —"
                        + " Rate limit reached (latency 120ms, retry in 30s, request req_1)");
    }

    @Test
    void pastTenOfALevelTheTenthCountsTheRest() {
        List<ProbeResult> rows = new ArrayList<>();
        IntStream.range(0, 13).forEach(i -> rows.add(row("openai/m" + i, ReasonCode.INVALID_KEY, "bad key")));
        IntStream.range(0, 10).forEach(i -> rows.add(row("openai/w" + i, ReasonCode.TIMEOUT, "timed out")));
        List<WorkflowCommand> commands = GithubAnnotations.render(run(rows)).stream()
                .map(l -> WorkflowCommand.parse(l).orElseThrow()).toList();

        assertThat(commands).filteredOn(c -> c.name().equals("error")).hasSize(10).last().satisfies(c -> {
            assertThat(c.properties().get("title")).isEqualTo("nemo: 4 more failed probes");
            assertThat(c.data()).startsWith("4 more failed probe rows are not annotated (GitHub shows 10 per step)");
        });
        assertThat(commands).filteredOn(c -> c.name().equals("warning")).hasSize(10)
                .allSatisfy(c -> assertThat(c.data()).contains("status timeout"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"true,true", "TRUE,false", "false,false", "1,false", "null,false"})
    void onlyGithubActionsTrueTurnsThemOn(String value, boolean enabled) {
        Map<String, String> vars = value == null ? Map.of() : Map.of("GITHUB_ACTIONS", value);
        assertThat(GithubAnnotations.enabled(new Environment(vars))).isEqualTo(enabled);
    }
}
