package dev.nemo.output;

import dev.nemo.NemoException;
import dev.nemo.config.LockedFile;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeResultKind;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.probe.ReasonCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code --probe-metrics}: the run in the Prometheus text format (0.0.4) that node_exporter's
 * textfile collector reads, written so that it is valid OpenMetrics 1.0 text too (HELP, TYPE and
 * UNIT lines, unit-suffixed names, {@code # EOF} last). Gauges only, and no sample timestamps (the
 * textfile collector refuses them): the run's own time is the {@code nemo_probe_run_timestamp_seconds}
 * gauge. Labels name provider, profile id, model, status and reason — never a secret, never an
 * email. Every row is written whatever {@code --probe-results} shows: a series that vanishes while
 * healthy breaks alerting.
 */
public final class OpenMetrics {
    /** Read by a collector that may run as another user (node_exporter's own account): no secret is in it. */
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * A per-target gauge: one sample, labelled with the target, for each row {@code value} gives a
     * number. Headroom figures join here as more entries (e.g. the remaining requests and tokens a
     * probe row's rate-limit headers tell), each with its own name, unit and help.
     */
    record TargetGauge(String name, String unit, String help, Function<ProbeResult, Number> value) {
    }

    static final List<TargetGauge> TARGET_GAUGES = List.of(
            new TargetGauge("nemo_probe_success", null,
                    "1 when the probe of this credential and model answered ok, 0 when it did not; no sample for rows auth.order excludes.",
                    r -> switch (ProbeResultKind.of(r)) {
                        case OK -> 1;
                        case WARNING, FAILED -> 0;
                        case SKIPPED -> null;
                    }),
            new TargetGauge("nemo_probe_latency_seconds", "seconds",
                    "Time the probe request took, from sending to the whole answer; no sample for rows decided before sending.",
                    r -> r.latencyMs() == null ? null : BigDecimal.valueOf(r.latencyMs(), 3)),
            new TargetGauge("nemo_probe_retry_after_seconds", "seconds",
                    "How long the provider asked to wait before retrying (rate limits), when it said so.",
                    r -> r.retryAfterMs() == null ? null : BigDecimal.valueOf(r.retryAfterMs(), 3)));

    private OpenMetrics() {
    }

    /**
     * Checks {@code --probe-metrics <file>} before any probe is sent: a directory, or a directory
     * that does not exist, is a usage error (nemo creates no directory for it); a name the textfile
     * collector would skip gets a warning.
     */
    public static Path target(Path path, Consumer<String> warn) {
        Path file = path.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw NemoException.usage("--probe-metrics " + file + " is a directory; give a file path, e.g. " + file.resolve("nemo.prom"));
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw NemoException.usage("--probe-metrics " + file + ": directory " + file.getParent() + " does not exist (nemo does not create it)");
        }
        if (!file.getFileName().toString().endsWith(".prom")) {
            warn.accept("--probe-metrics " + file.getFileName() + ": node_exporter's textfile collector reads only *.prom files");
        }
        return file;
    }

    /** Replaces {@code file} atomically: a temp file in the same directory, fsynced, renamed over it. */
    public static void write(Path file, ProbeRun run) throws IOException {
        LockedFile.writeAtomically(file, render(run).getBytes(StandardCharsets.UTF_8), READABLE);
    }

    static String render(ProbeRun run) {
        List<ProbeResult> rows = oneRowPerTarget(run.results());
        StringBuilder out = new StringBuilder();
        family(out, "nemo_probe_status", null, "The outcome of each probe: 1 for its status and reason (the reason is empty when ok).");
        for (ProbeResult r : rows) {
            sample(out, "nemo_probe_status", targetLabels(r) + ",status=" + quoted(r.status().wireName())
                    + ",reason=" + quoted(r.reasonCode() == null ? "" : r.reasonCode().wireName()), 1);
        }
        for (TargetGauge gauge : TARGET_GAUGES) {
            family(out, gauge.name(), gauge.unit(), gauge.help());
            for (ProbeResult r : rows) {
                Number value = gauge.value().apply(r);
                if (value != null) {
                    sample(out, gauge.name(), targetLabels(r), value);
                }
            }
        }
        family(out, "nemo_probe_run_rows", null,
                "Rows of the last run by result (ok, warning, failed, skipped) and status; sum by status or result as needed.");
        rowCounts(run).forEach((labels, count) -> sample(out, "nemo_probe_run_rows", labels, count));
        family(out, "nemo_probe_run_targets", null, "Probe requests the last run planned (rows decided before sending excluded).");
        sample(out, "nemo_probe_run_targets", null, run.totalTargets());
        family(out, "nemo_probe_run_cancelled", null, "Probes of the last run that Ctrl-C cancelled.");
        sample(out, "nemo_probe_run_cancelled", null, run.cancelled() == null ? 0 : run.cancelled());
        family(out, "nemo_probe_run_duration_seconds", "seconds", "Wall time of the last run's probe phase.");
        sample(out, "nemo_probe_run_duration_seconds", null, BigDecimal.valueOf(run.durationMs(), 3));
        family(out, "nemo_probe_run_timestamp_seconds", "seconds", "When the last run finished, in seconds since the Unix epoch.");
        sample(out, "nemo_probe_run_timestamp_seconds", null, BigDecimal.valueOf(run.finishedAt(), 3));
        out.append("# EOF\n");
        return out.toString();
    }

    /** A target is provider, profile and model; a second row for one (never expected) would be a duplicate series, which collectors reject. */
    private static List<ProbeResult> oneRowPerTarget(List<ProbeResult> results) {
        Map<String, ProbeResult> byTarget = new LinkedHashMap<>();
        for (ProbeResult r : results) {
            byTarget.putIfAbsent(targetLabels(r), r);
        }
        return new ArrayList<>(byTarget.values());
    }

    /** Every possible result/status pair, zero when absent, so no series disappears between runs. */
    private static Map<String, Integer> rowCounts(ProbeRun run) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProbeStatus status : ProbeStatus.values()) {
            ProbeResultKind kind = status == ProbeStatus.OK ? ProbeResultKind.OK
                    : status.isTransient() ? ProbeResultKind.WARNING : ProbeResultKind.FAILED;
            counts.put(rowLabels(kind, status), 0);
        }
        counts.put(rowLabels(ProbeResultKind.SKIPPED, ReasonCode.EXCLUDED_BY_AUTH_ORDER.status()), 0);
        for (ProbeResult r : run.results()) {
            counts.merge(rowLabels(ProbeResultKind.of(r), r.status()), 1, Integer::sum);
        }
        return counts;
    }

    private static String rowLabels(ProbeResultKind kind, ProbeStatus status) {
        return "result=" + quoted(kind.wireName()) + ",status=" + quoted(status.wireName());
    }

    /** The profile id, or where a profile-less key came from ({@code env}, {@code models.json}); never the display label with its email. */
    private static String targetLabels(ProbeResult r) {
        return "provider=" + quoted(r.provider()) + ",profile=" + quoted(r.profileId() != null ? r.profileId() : r.source() != null ? r.source() : "")
                + ",model=" + quoted(r.model() == null ? "" : r.model());
    }

    private static void family(StringBuilder out, String name, String unit, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        if (unit != null) {
            out.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
        }
    }

    private static void sample(StringBuilder out, String name, String labels, Number value) {
        out.append(name);
        if (labels != null) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    private static String number(Number value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** A label value: backslash, double quote and line feed escaped, as both formats require. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
