package dev.nemo.output;

import dev.nemo.auth.CredentialKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.Environment;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.probe.ReasonCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepSummaryTest {
    @TempDir
    Path dir;

    private static final ProbeRun RUN = new ProbeRun(0, 1500, 1500, 2, null, List.of(
            new ProbeResult("openai", "openai/gpt-5", "openai:work", "openai:work", "profile", CredentialKind.API_KEY, ProbeStatus.OK,
                    null, null, 80L, null, null),
            new ProbeResult("anthropic", "anthropic/claude-sonnet-4-5", "anthropic:ci", "anthropic:ci", "profile", CredentialKind.TOKEN,
                    ProbeStatus.AUTH, ReasonCode.INVALID_KEY, "invalid x-api-key", 120L, "req_9", null)), null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "plain words 42 => plain words 42",
            "a | b => a \\| b",
            "![x](https://evil.test/p.png) => \\!\\[x\\]\\(https\\:\\/\\/evil\\.test\\/p\\.png\\)",
            "<img src=x> => \\<img src\\=x\\>",
            "'two\\nlines' => two lines",
            "back\\slash => back\\\\slash",
            "émoji ✅ => émoji ✅"})
    void aCellShowsExactlyItsTextOnOneLine(String text, String cell) {
        assertThat(StepSummary.cell(text.replace("\\n", "\n"))).isEqualTo(cell);
    }

    @Test
    void theTableListsFailuresFirst() {
        String md = StepSummary.render(RUN);
        assertThat(md).startsWith("### nemo: auth probes\n\nProbed 2 targets in 1.5s: ❌ 1 failed · ✅ 1 ok\n\n");
        assertThat(md).contains("""
                | ❌ failed | anthropic | anthropic\\:ci | anthropic\\/claude\\-sonnet\\-4\\-5 | auth | invalid\\_key | 120ms | invalid x\\-api\\-key\\; request req\\_9 |
                | ✅ ok | openai | openai\\:work | openai\\/gpt\\-5 | ok | - | 80ms | - |
                """);
    }

    @Test
    void pastTheRowCapTheRestIsCounted() {
        List<ProbeResult> rows = new ArrayList<>();
        for (int i = 0; i < StepSummary.MAX_ROWS + 3; i++) {
            rows.add(new ProbeResult("openai", "openai/m" + i, "openai:p" + i, "openai:p" + i, "profile", CredentialKind.API_KEY, ProbeStatus.OK,
                    null, null, 10L, null, null));
        }
        String md = StepSummary.render(new ProbeRun(0, 1, 1, rows.size(), null, rows, null));
        assertThat(md.lines().filter(l -> l.startsWith("| ✅"))).hasSize(StepSummary.MAX_ROWS);
        assertThat(md).contains("… and 3 more rows (see --probe-report or --json).");
    }

    @Test
    void appendsToWhatIsThereAndThroughTheUsersOwnLink() throws IOException {
        Path target = Files.writeString(dir.resolve("summary.md"), "earlier\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), target);
        List<String> warnings = new ArrayList<>();
        StepSummary.append(RUN, new Environment(Map.of("GITHUB_STEP_SUMMARY", link.toString())), warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(Files.readString(target)).startsWith("earlier\n### nemo: auth probes\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void refusesALinkAnotherUserOwnsAndWritesNothing() throws IOException {
        Path target = Files.writeString(dir.resolve("victim.md"), "untouched\n");
        Path link = Files.createSymbolicLink(dir.resolve("summary.md"), target);
        try {
            Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS); // lchown: needs root
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a link to another user here (not root): " + e.getMessage());
        }
        List<String> warnings = new ArrayList<>();
        StepSummary.append(RUN, new Environment(Map.of("GITHUB_STEP_SUMMARY", link.toString())), warnings::add);

        assertThat(warnings).containsExactly("not writing the probe summary to GITHUB_STEP_SUMMARY (" + link
                + "): it is a symbolic link owned by another user");
        assertThat(Files.readString(target)).isEqualTo("untouched\n");
    }
}
