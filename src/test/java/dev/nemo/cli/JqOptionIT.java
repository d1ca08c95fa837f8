package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `--jq <expr>` on the commands that print JSON: what it selects, and how a bad expression fails. */
class JqOptionIT extends WithFakeProvider {
    private static final String KEY = "sk-fake-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";

    @BeforeEach
    void start() {
        Fixture.writeConfig(nemo, """
                {
                  "agents": {"defaults": {"model": {"primary": "fake/ok", "fallbacks": ["fake/status-401"]},
                    "models": {"fake/ok": {"alias": "quick"}}}},
                  "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                    "models": [{"id": "ok"}, {"id": "status-401"}]}}}
                }
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "fake:work": {"type": "api_key", "provider": "fake", "key": "%s"},
                  "fake:home": {"type": "token", "provider": "fake", "token": "%s"}}}
                """.formatted(KEY, KEY + "2"));
    }

    private NemoRun.Result nemo(String... args) {
        return nemo.run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "models status --json --jq .resolvedDefault => fake/ok",
            "models status --jq .fallbacks[] --json => fake/status-401",
            "models list --json --jq .models[].key => fake/ok\\nfake/status-401",
            "models list --json --jq {count} => {\"count\":2}",
            "models auth list --json --jq .profiles[].profileId => fake:home\\nfake:work",
            "models auth list --json --jq [.profiles[]|select(.type==\"token\")|.profileId] => [\"fake:home\"]",
            "models aliases list --json --jq .aliases.quick => fake/ok",
            "models fallbacks list --json --jq .fallbacks => [\"fake/status-401\"]",
            "plugins list --json --jq .plugins[]|select(.id==\"fake\")|.source => config"})
    void jqPrintsWhatItSelectsStringsRawOtherValuesAsCompactJson(String command, String expected) {
        NemoRun.Result run = nemo(command.split(" "));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo(expected.replace("\\n", "\n") + "\n");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void jqOnProbedStatusKeepsTheCheckExitCode() {
        NemoRun.Result run = nemo("models", "status", "--probe", "--probe-all-models", "--check", "--json",
                "--jq", "[.auth.probes.results[] | .model + \" \" + .status] | sort | .[]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("fake/ok ok\nfake/ok ok\nfake/status-401 auth\nfake/status-401 auth\n");
    }

    @Test
    void noExpressionReachesASecret() {
        NemoRun.Result run = nemo("models", "status", "--json", "--jq", "[.. | strings] | join(\" \")");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("fake:work").doesNotContain(KEY.substring(8, 20));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "models status --jq .x|nemo models status",
            "models list --plain --jq .x|nemo models list",
            "models auth list --jq .x|nemo models auth list",
            "plugins list --jq .x|nemo plugins list",
            "models scan --no-probe --jq .x|nemo models scan"})
    void jqWithoutJsonExits64SayingSo(String command, String qualified) {
        NemoRun.Result run = nemo(command.split(" "));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("error: --jq needs --json, e.g. " + qualified + " --json --jq '.x'\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "'.auth |' => it ends too early",
            "{a:} => unexpected '}' at column 4",
            "'.a ||| .b' => unexpected '|' at column 5"})
    void anExpressionThatDoesNotCompileExits64NamingTheProblemBeforeAnyProbe(String expression, String problem) {
        List<String> args = new ArrayList<>(List.of("models", "status", "--probe", "--json", "--jq", expression));
        NemoRun.Result run = nemo(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("error: Invalid value for option '--jq': --jq '" + expression
                + "' is not a valid jq expression: " + problem + "\n");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void anExpressionThatFailsOnTheDataExits64AndPrintsNothing() {
        NemoRun.Result run = nemo("models", "list", "--json", "--jq", ".models[].key, (.count | .x)");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("error: --jq '.models[].key, (.count | .x)' failed: Cannot index number with");
    }
}
