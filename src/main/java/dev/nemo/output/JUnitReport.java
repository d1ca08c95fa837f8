package dev.nemo.output;

import dev.nemo.config.LockedFile;
import dev.nemo.text.Durations;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code --probe-report}: JUnit XML that CI systems display, one test case per probe row
 * (class = provider, name = model and profile, after the chain hop with {@code --probe-chain});
 * failures carry the status and the redacted error,
 * and rows excluded by {@code auth.order} are skipped, as they do not fail a check.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(Path file, ProbeRun run) throws IOException {
        LockedFile.writeAtomically(file, render(run).getBytes(StandardCharsets.UTF_8));
    }

    static String render(ProbeRun run) {
        long failures = run.results().stream().filter(r -> r.status() != ProbeStatus.OK && !r.excludedByOrder()).count();
        long skipped = run.results().stream().filter(ProbeResult::excludedByOrder).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT,
                "<testsuites name=\"nemo auth probes\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.3f\">\n",
                run.results().size(), failures, skipped, run.durationMs() / 1000.0));
        xml.append(String.format(Locale.ROOT,
                "  <testsuite name=\"nemo models status --probe\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\" timestamp=\"%s\">\n",
                run.results().size(), failures, skipped, run.durationMs() / 1000.0, Instant.ofEpochMilli(run.startedAt())));
        for (ProbeResult r : run.results()) {
            String name = (r.hop() != null ? r.hop() + ": " : "") + (r.model() != null ? r.model() : r.provider() + "/-")
                    + " [" + r.label() + "]";
            double seconds = r.latencyMs() == null ? 0 : r.latencyMs() / 1000.0;
            xml.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape(r.provider()), escape(name), seconds));
            if (r.status() == ProbeStatus.OK) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            String message = r.status().wireName() + (r.reasonCode() != null ? " (" + r.reasonCode().wireName() + ")" : "")
                    + (r.error() != null ? ": " + r.error() : "");
            if (r.excludedByOrder()) {
                xml.append("      <skipped message=\"").append(escape(message)).append("\"/>\n");
            } else {
                xml.append("      <failure type=\"").append(r.status().wireName()).append("\" message=\"").append(escape(message))
                        .append("\">").append(escape(message + " (latency " + Durations.latency(r.latencyMs()) + ")"))
                        .append("</failure>\n");
            }
            xml.append("    </testcase>\n");
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
