package dev.nemo.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.auth.CredentialKind;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.probe.ReasonCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.nemo.output.TableLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class ProbeTextRendererTest {
    private static final ProbeRun RUN = new ProbeRun(0, 1200, 1200, 2, null, List.of(
            new ProbeResult("openai", "openai/gpt-5-mini", "openai:a", "openai:a", "profile", CredentialKind.API_KEY, ProbeStatus.OK, null, null, 812L, null, null),
            new ProbeResult("anthropic", "anthropic/claude-haiku-4-5", "anthropic:b", "anthropic:b", "profile", CredentialKind.TOKEN,
                    ProbeStatus.AUTH, ReasonCode.INVALID_KEY, "HTTP 401: invalid x-api-key", 95L, null, null)), null);

    private static String render(boolean colour) {
        StringWriter out = new StringWriter();
        ProbeTextRenderer.render(RUN, TableLayout.terminal(100), Ansi.valueOf(colour), new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void rowsAreSortedByProviderAndErrorsGoOnASecondLine() {
        String text = render(false);
        assertThat(text.indexOf("anthropic/claude-haiku-4-5")).isLessThan(text.indexOf("openai/gpt-5-mini"));
        assertThat(text).contains("auth · 95ms · invalid_key").contains("↳ HTTP 401: invalid x-api-key").contains("ok · 812ms")
                .contains("Probed 2 targets in 1.2s").doesNotContain("\u001B[");
    }

    @Test
    void colourWrapsOnlyTheStatusWordAndKeepsTheColumnsAligned() {
        String text = render(true);
        // picocli's rendering: the colour on, the word, the colour off, then a reset.
        assertThat(text).contains("\u001B[32mok\u001B[39m\u001B[0m · 812ms").contains("\u001B[31mauth\u001B[39m\u001B[0m · 95ms");
        List<String> tableLines = text.lines().filter(l -> l.startsWith("│") || l.startsWith("┌")).toList();
        int width = tableLines.get(0).length();
        tableLines.forEach(l -> assertThat(l.replaceAll("\u001B\\[[0-9;]*m", "")).hasSize(width));
    }

    @Test
    void noResultsShowNoneAndNoSummary() {
        StringWriter out = new StringWriter();
        ProbeTextRenderer.render(new ProbeRun(0, 0, 0, 0, null, List.of(), null), TableLayout.terminal(100), Ansi.OFF, new PrintWriter(out, true));
        assertThat(out.toString()).contains("- none").doesNotContain("Probed").doesNotContain("No probe targets.");
    }
}
