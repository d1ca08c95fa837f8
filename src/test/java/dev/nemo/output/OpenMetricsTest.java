package dev.nemo.output;

import dev.nemo.auth.CredentialKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of the metrics file a parser cannot judge; the whole-CLI test runs the real parsers on it. */
class OpenMetricsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "openai/gpt-5 => \"openai/gpt-5\"",
            "say \"hi\" => \"say \\\"hi\\\"\"",
            "back\\slash => \"back\\\\slash\"",
            "'two\\nlines' => \"two\\nlines\""})
    void labelValuesEscapeBackslashQuoteAndNewline(String raw, String quoted) {
        assertThat(OpenMetrics.quoted(raw.replace("\\n", "\n"))).isEqualTo(quoted);
    }

    @Test
    void aTargetSeenTwiceIsOneSeriesSoCollectorsDoNotRejectTheFile() {
        ProbeResult row = new ProbeResult("openai", "openai/gpt-5", null, "env", "env", CredentialKind.API_KEY, ProbeStatus.OK, null, null, 5L,
                null, null);
        String text = OpenMetrics.render(new ProbeRun(0, 10, 10, 2, null, List.of(row, row), null));
        assertThat(text.lines().filter(l -> l.startsWith("nemo_probe_status{"))).containsExactly(
                "nemo_probe_status{provider=\"openai\",profile=\"env\",model=\"openai/gpt-5\",status=\"ok\",reason=\"\"} 1");
        assertThat(text).contains("nemo_probe_latency_seconds{provider=\"openai\",profile=\"env\",model=\"openai/gpt-5\"} 0.005\n");
    }
}
