package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code nemo help <command…>}, {@code nemo version}, required options in usage lines, one wording for a missing option. */
class HelpAndUsageIT {
    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
    }

    @Test
    void helpOfANestedCommandIsThatCommandsHelp() {
        NemoRun.Result help = nemo.run("help", "models", "status");
        NemoRun.Result option = nemo.run("models", "status", "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).startsWith("Usage: nemo models status ").isEqualTo(option.stdout());
        assertThat(nemo.run("help", "models", "auth", "order", "set").stdout()).startsWith("Usage: nemo models auth order set ");
    }

    @Test
    void bareHelpIsTheTopLevelHelpAndListsVersionButNotTheCompletionHook() {
        NemoRun.Result r = nemo.run("help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Usage: nemo ").contains("  version ").contains("  help ").doesNotContain("__complete");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageErrorWithDidYouMean() {
        NemoRun.Result r = nemo.run("help", "models", "stauts");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("error: Unknown command \"stauts\" for nemo models; did you mean \"status\"?");
    }

    @Test
    void versionCommandPrintsWhatVersionOptionPrints() {
        NemoRun.Result command = nemo.run("version");
        NemoRun.Result option = nemo.run("--version");

        assertThat(command.exitCode()).as(command.toString()).isZero();
        assertThat(command.stdout()).startsWith("nemo ").contains("Java ").isEqualTo(option.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "models auth paste-token, --provider=<id>",
            "models auth login, --provider=<id>",
            "models auth order get, --provider=<id>",
            "models auth clear-cooldown, (<profile-id> | --all)"})
    void requiredOptionsShowAsRequiredInTheUsageLine(String command, String required) {
        NemoRun.Result r = nemo.run((command + " --help").split(" "));

        String usage = r.stdout().substring(0, r.stdout().indexOf("\n\n") > 0 ? r.stdout().indexOf("\n\n") : r.stdout().length());
        String synopsis = usage.lines().takeWhile(l -> l.startsWith("Usage:") || l.startsWith(" ")).reduce("", (a, b) -> a + " " + b.strip());
        assertThat(synopsis).contains(" " + required).doesNotContain("[" + required);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "models auth paste-token; Missing required option: '--provider=<id>'",
            "models auth login; Missing required option: '--provider=<id>'",
            "models auth order get; Missing required option: '--provider=<id>'",
            "models auth order set --provider anthropic; Missing required parameter: '<profile-id>'",
            "models auth remove; Missing required parameter: '<profile-id>'",
            "models auth remove <blank>; Missing required parameter: '<profile-id>'"})
    void everyMissingOptionIsReportedInTheSameWords(String command, String message) {
        String[] args = java.util.Arrays.stream(command.split(" ")).map(w -> w.equals("<blank>") ? " " : w).toArray(String[]::new);

        NemoRun.Result r = nemo.stdin("").run(args);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.stderr()).startsWith("error: " + message + "\n");
        assertThat(r.stdout()).isEmpty();
    }
}
