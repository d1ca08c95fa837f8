package dev.nemo.output;

import dev.nemo.config.Environment;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeResultKind;
import dev.nemo.probe.ProbeRun;
import dev.nemo.text.Durations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * In a GitHub Actions job ({@code GITHUB_ACTIONS=true}): one workflow command per probe row that
 * failed ({@code ::error}) or warns ({@code ::warning}, rate_limit and timeout), naming provider,
 * profile, model, status and reason code, with the row's redacted error. GitHub shows them on the
 * run's summary page and in the job log.
 *
 * <p>They go to stderr, with the warnings: the runner parses workflow commands on both output
 * streams of a step (actions/runner {@code ScriptHandler} hands stdout and stderr to the same
 * command manager), so stdout keeps only the requested output and {@code --json} stays parseable.
 */
public final class GithubAnnotations {
    /** GitHub shows at most 10 annotations of each level per step; the 10th then counts the rest. */
    static final int PER_LEVEL = 10;

    private GithubAnnotations() {
    }

    public static boolean enabled(Environment env) {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    public static void write(ProbeRun run, PrintWriter err) {
        render(run).forEach(err::println);
        err.flush();
    }

    static List<String> render(ProbeRun run) {
        List<String> lines = new ArrayList<>();
        lines.addAll(level(run, ProbeResultKind.FAILED, "error", "failed"));
        lines.addAll(level(run, ProbeResultKind.WARNING, "warning", "warning"));
        return lines;
    }

    private static List<String> level(ProbeRun run, ProbeResultKind kind, String command, String word) {
        List<ProbeResult> rows = run.results().stream().filter(r -> ProbeResultKind.of(r) == kind).toList();
        List<String> lines = new ArrayList<>();
        int shown = rows.size() <= PER_LEVEL ? rows.size() : PER_LEVEL - 1;
        for (ProbeResult r : rows.subList(0, shown)) {
            lines.add(command(command, title(r), message(r)));
        }
        if (shown < rows.size()) {
            int more = rows.size() - shown;
            lines.add(command(command, "nemo: " + more + " more " + word + " probes",
                    more + " more " + word + " probe rows are not annotated (GitHub shows " + PER_LEVEL
                            + " per step); see the job log, the step summary or --probe-report."));
        }
        return lines;
    }

    private static String title(ProbeResult r) {
        return "nemo probe " + r.status().wireName() + reason(r) + ": " + r.provider() + " " + profile(r);
    }

    private static String message(ProbeResult r) {
        StringBuilder m = new StringBuilder()
                .append("provider ").append(r.provider())
                .append(", profile ").append(profile(r))
                .append(", model ").append(r.model() != null ? r.model() : "-")
                .append(": status ").append(r.status().wireName())
                .append(", reasonCode ").append(r.reasonCode() != null ? r.reasonCode().wireName() : "-");
        if (r.error() != null) {
            m.append(" — ").append(r.error());
        }
        List<String> facts = new ArrayList<>();
        if (r.latencyMs() != null) {
            facts.add("latency " + Durations.latency(r.latencyMs()));
        }
        if (r.retryAfterMs() != null) {
            facts.add("retry in " + Durations.latency(r.retryAfterMs()));
        }
        if (r.requestId() != null) {
            facts.add("request " + r.requestId());
        }
        if (!facts.isEmpty()) {
            m.append(" (").append(String.join(", ", facts)).append(')');
        }
        return m.toString();
    }

    private static String reason(ProbeResult r) {
        return r.reasonCode() != null && !r.reasonCode().wireName().equals(r.status().wireName())
                ? " (" + r.reasonCode().wireName() + ")" : "";
    }

    private static String profile(ProbeResult r) {
        return r.label() != null ? r.label() : r.profileId() != null ? r.profileId() : String.valueOf(r.source());
    }

    /** {@code ::name title=…::message}, escaped as the runner unescapes it, so no text can end the command or start another. */
    static String command(String name, String title, String message) {
        return "::" + name + " title=" + escapeProperty(title) + "::" + escapeData(message);
    }

    /** The runner's data rules: {@code %} first, then CR and LF (actions/toolkit {@code escapeData}). */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Property values also escape the {@code :} and {@code ,} that delimit properties (actions/toolkit {@code escapeProperty}). */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
