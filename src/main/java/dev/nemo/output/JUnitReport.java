package dev.nemo.output;

import dev.nemo.NemoException;
import dev.nemo.config.LockedFile;
import dev.nemo.text.Durations;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.NemoException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
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

    /** Where a report goes: standard output ({@code -}), a pipe or device written as it is, or a file replaced atomically. */
    public sealed interface Target permits StandardOutput, Stream, File {
    }

    public record StandardOutput() implements Target {
    }

    /** A FIFO, a device or {@code /dev/stdout}: opened and written, never renamed over. */
    public record Stream(Path path) implements Target {
    }

    public record File(Path path) implements Target {
    }

    /**
     * Checks {@code path} before any probe is sent: a directory or a missing parent directory is a
     * usage error (no directory is created for a report), and a file nemo will not replace (see
     * {@link LockedFile#checkedTarget}) a failure.
     */
    public static Target target(Path path) {
        if (path.toString().equals("-")) {
            return new StandardOutput();
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw NemoException.usage("--probe-report " + absolute + " is a directory; give a file path, or - for standard output");
        }
        if (absolute.startsWith("/dev/") || absolute.startsWith("/proc/")
                || (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isSymbolicLink(absolute))) {
            return new Stream(absolute);
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw NemoException.usage("--probe-report " + absolute + ": directory " + parent
                    + " does not exist (nemo does not create it)");
        }
        return new File(LockedFile.checkedTarget(absolute));
    }

    public static void write(Target target, ProbeRun run, PrintWriter stdout) throws IOException {
        String xml = render(run);
        if (target instanceof Stream s) {
            try (OutputStream out = Files.newOutputStream(s.path(), StandardOpenOption.WRITE)) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
        } else if (target instanceof File f) {
            LockedFile.writeAtomically(f.path(), xml.getBytes(StandardCharsets.UTF_8));
        } else {
            stdout.print(xml);
            stdout.flush();
        }
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
