package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.PtyRun;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A terminal that fits: the probe table takes the width the terminal reports (no {@code COLUMNS}
 * exported), never cuts a model or profile id inside a token, and is plain aligned columns when
 * piped; help wraps at the same width.
 */
class TerminalWidthIT {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final List<String> MODELS = List.of("fake/organisation-wide-evaluation-model-2025-06-01-preview",
            "fake/ok");
    private static final List<String> PROFILES = List.of("fake:team-platform-engineering-ci-runner-0001", "fake:short");

    @TempDir
    Path home;
    NemoRun nemo;
    FakeProvider fake;

    @BeforeEach
    void setUp() {
        fake = new FakeProvider();
        nemo = new NemoRun(home);
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": "%s"}},
                 "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                   "models": [{"id": "organisation-wide-evaluation-model-2025-06-01-preview"}, {"id": "ok"}]}}}}
                """.formatted(MODELS.get(0), fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "%s": {"type": "api_key", "provider": "fake", "key": "sk-fake-width-test-key-0001"},
                  "%s": {"type": "api_key", "provider": "fake", "key": "sk-fake-width-test-key-0002"}}}
                """.formatted(PROFILES.get(0), PROFILES.get(1)));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private static void assumePty() {
        assumeTrue(PtyRun.available(), "util-linux script (/usr/bin/script) is not installed; no pseudo-terminal tests");
    }

    private static String plain(String line) {
        String visible = ANSI.matcher(line).replaceAll("");
        return visible.substring(visible.lastIndexOf('\r') + 1);
    }

    /** The table's body lines, each cut into its cells. */
    private static List<String[]> bodyCells(List<String> lines) {
        int top = lines.indexOf(lines.stream().filter(l -> l.startsWith("├")).findFirst().orElseThrow());
        return lines.subList(top + 1, lines.size()).stream().takeWhile(l -> l.startsWith("│"))
                .map(l -> l.substring(1, l.length() - 1).split("│", -1)).toList();
    }

    /** A column's wrapped pieces joined again: an id wrapped only between tokens comes back whole. */
    private static String column(List<String[]> cells, int c) {
        StringBuilder joined = new StringBuilder();
        cells.forEach(row -> joined.append(row[c].strip()));
        return joined.toString();
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 200})
    void probeTableFitsTheTerminalsOwnWidthAndNeverCutsAnId(int width) {
        assumePty();

        PtyRun.Screen screen = new PtyRun(nemo).columns(width).run("models", "status", "--probe", "--probe-all-models");

        assertThat(screen.exitCode()).as(screen.toString()).isZero();
        List<String> lines = screen.lines().stream().map(TerminalWidthIT::plain).toList();
        List<String> table = lines.stream().filter(l -> !l.isEmpty() && "┌│├└".indexOf(l.charAt(0)) >= 0).toList();
        assertThat(table).as(screen.toString()).hasSizeGreaterThan(4);
        assertThat(table).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
        List<String[]> cells = bodyCells(table);
        assertThat(column(cells, 0)).contains(MODELS.get(0)).contains(MODELS.get(1));
        assertThat(column(cells, 1)).contains(PROFILES.get(0)).contains(PROFILES.get(1));
        if (width == 200) {
            assertThat(table).as("wide enough: one line per row").anySatisfy(l -> assertThat(l).contains(MODELS.get(0))
                    .contains(PROFILES.get(0)));
        } else {
            assertThat(table).as("too narrow: the long ids wrap").noneMatch(l -> l.contains(MODELS.get(0)));
        }
    }

    @Test
    void anExportedColumnsOverridesTheTerminalsWidth() {
        assumePty();

        PtyRun.Screen screen = new PtyRun(nemo).columns(200).env("COLUMNS", "70").run("models", "status", "--probe");

        List<String> table = screen.lines().stream().map(TerminalWidthIT::plain).filter(l -> l.startsWith("│")).toList();
        assertThat(table).as(screen.toString()).isNotEmpty().allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(70));
    }

    @Test
    void pipedTheTableIsPlainAlignedColumnsOneRowPerLine() {
        NemoRun.Result r = nemo.run("models", "status", "--probe", "--probe-all-models");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).doesNotContainPattern("[┌┐└┘├┤┬┴┼│─]").doesNotContain("\u001B[");
        List<String> lines = r.stdout().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Model ")).findFirst().orElseThrow());
        List<String> rows = lines.subList(header + 1, header + 1 + MODELS.size() * PROFILES.size());
        int profileAt = lines.get(header).indexOf("Profile");
        int statusAt = lines.get(header).indexOf("Status");
        assertThat(profileAt).isEqualTo(MODELS.get(0).length() + 2);
        for (String row : rows) {
            assertThat(row.substring(0, profileAt).strip()).isIn(MODELS);
            assertThat(row.substring(profileAt, statusAt).strip()).matches("fake:[a-z0-9-]+ \\(api_key\\)");
            assertThat(row.substring(statusAt)).startsWith("ok · ");
        }
        assertThat(lines.get(header + 1 + rows.size())).startsWith("Probed 4 targets in ");
    }

    @Test
    void aModelKeyLongerThanItsColumnWidensTheColumnInModelsList() {
        String longKey = "openrouter/some-organisation/an-extremely-long-model-name-beyond-42";
        Fixture.writeConfig(nemo, "{\"agents\": {\"defaults\": {\"model\": {\"primary\": \"" + longKey
                + "\", \"fallbacks\": [\"openai/gpt-4.1\"]}}}}");

        NemoRun.Result r = nemo.run("models", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(1)).startsWith(longKey + " -");
        assertThat(lines.get(2).indexOf(" text")).isEqualTo(longKey.length());
        assertThat(lines.get(0).indexOf("Input")).isEqualTo(longKey.length() + 1);
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 200})
    void helpWrapsAtTheTerminalsWidthWithoutHardBreaks(int width) {
        assumePty();

        PtyRun.Screen screen = new PtyRun(nemo).columns(width).run("models", "auth", "login", "--help");

        assertThat(screen.exitCode()).as(screen.toString()).isZero();
        List<String> lines = screen.lines().stream().map(TerminalWidthIT::plain).toList();
        assertThat(lines).as(screen.toString()).anySatisfy(l -> assertThat(l).startsWith("Usage: nemo models auth login"));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
        String sentence = "Providers with models.providers.<id>.oauth endpoints also offer oauth (browser login with PKCE and a "
                + "loopback redirect)";
        if (width == 200) {
            assertThat(lines).as("one paragraph, one line at 200 columns").anySatisfy(l -> assertThat(l).contains(sentence));
        }
        assertThat(String.join(" ", lines).replaceAll(" +", " ")).contains(sentence);
    }

    @Test
    void pipedHelpWrapsAt80Columns() {
        NemoRun.Result r = nemo.run("models", "status", "--help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(r.stdout()).doesNotContain("\u001B[");
    }
}
