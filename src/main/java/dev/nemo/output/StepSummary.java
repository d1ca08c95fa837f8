package dev.nemo.output;

import dev.nemo.config.Environment;
import dev.nemo.config.LockedFile;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeResultKind;
import dev.nemo.probe.ProbeRun;
import dev.nemo.text.Durations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * When {@code GITHUB_STEP_SUMMARY} names a file (GitHub Actions, and the Gitea and Forgejo
 * runners that copy it): a Markdown table of the probe rows appended to it, failures first.
 * Appended, never replaced, since the step's other commands write there too; never through a
 * symbolic link another user owns. A summary that cannot be written is a warning, not a failure:
 * the run's verdict does not depend on it.
 */
public final class StepSummary {
    /** GitHub refuses a step summary over 1 MiB; this many rows stay well below it. */
    static final int MAX_ROWS = 500;
    private static final List<ProbeResultKind> ORDER =
            List.of(ProbeResultKind.FAILED, ProbeResultKind.WARNING, ProbeResultKind.SKIPPED, ProbeResultKind.OK);
    private static final Map<ProbeResultKind, String> MARK = Map.of(ProbeResultKind.FAILED, "❌", ProbeResultKind.WARNING, "⚠️",
            ProbeResultKind.SKIPPED, "⏭️", ProbeResultKind.OK, "✅");

    private StepSummary() {
    }

    public static void append(ProbeRun run, Environment env, Consumer<String> warn) {
        String path = env.get("GITHUB_STEP_SUMMARY");
        if (path == null) {
            return;
        }
        Path file = env.workingDir().resolve(path);
        try {
            if (!appendTo(file, render(run))) {
                warn.accept("not writing the probe summary to GITHUB_STEP_SUMMARY (" + file
                        + "): it is a symbolic link owned by another user");
            }
        } catch (IOException e) {
            warn.accept("cannot append the probe summary to GITHUB_STEP_SUMMARY (" + file + "): " + LockedFile.describe(e));
        }
    }

    /** Appends {@code text}; false, writing nothing, when {@code file} is a symbolic link the current user does not own. */
    static boolean appendTo(Path file, String text) throws IOException {
        Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        if (Files.isSymbolicLink(file)) {
            if (!ownedByCurrentUser(file)) {
                return false;
            }
        } else {
            // A link planted after the check above makes the open fail instead of being followed.
            options.add(LinkOption.NOFOLLOW_LINKS);
        }
        try (FileChannel out = FileChannel.open(file, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        return true;
    }

    private static boolean ownedByCurrentUser(Path link) throws IOException {
        try {
            // /proc/self belongs to the process's effective user.
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return me.equals(Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        }
    }

    static String render(ProbeRun run) {
        Map<ProbeResultKind, Integer> counts = new EnumMap<>(ProbeResultKind.class);
        run.results().forEach(r -> counts.merge(ProbeResultKind.of(r), 1, Integer::sum));
        StringBuilder md = new StringBuilder("### nemo: auth probes\n\n");
        md.append("Probed ").append(run.totalTargets()).append(run.totalTargets() == 1 ? " target" : " targets").append(" in ")
                .append(Durations.latency(run.durationMs()));
        List<String> tally = new ArrayList<>();
        for (ProbeResultKind kind : ORDER) {
            if (counts.containsKey(kind)) {
                tally.add(MARK.get(kind) + " " + counts.get(kind) + " " + kind.wireName());
            }
        }
        md.append(tally.isEmpty() ? "." : ": " + String.join(" · ", tally)).append("\n\n");
        if (run.cancelled() != null) {
            md.append("Interrupted: ").append(run.cancelled()).append(" of ").append(run.totalTargets()).append(" probes cancelled.\n\n");
        }
        if (run.results().isEmpty()) {
            return md.append("No probe rows to show.\n\n").toString();
        }
        md.append("| | Provider | Profile | Model | Status | Reason | Latency | Details |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        List<ProbeResult> rows = sorted(run.results());
        for (ProbeResult r : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            ProbeResultKind kind = ProbeResultKind.of(r);
            md.append("| ").append(MARK.get(kind)).append(' ').append(kind.wireName())
                    .append(" | ").append(cell(r.provider()))
                    .append(" | ").append(cell(r.label() != null ? r.label() : r.profileId()))
                    .append(" | ").append(cell(r.model()))
                    .append(" | ").append(cell(r.status().wireName()))
                    .append(" | ").append(cell(r.reasonCode() == null ? null : r.reasonCode().wireName()))
                    .append(" | ").append(cell(r.latencyMs() == null ? null : Durations.latency(r.latencyMs())))
                    .append(" | ").append(cell(details(r)))
                    .append(" |\n");
        }
        if (rows.size() > MAX_ROWS) {
            md.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more rows (see --probe-report or --json).\n");
        }
        return md.append('\n').toString();
    }

    private static List<ProbeResult> sorted(List<ProbeResult> results) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        List<ProbeResult> rows = new ArrayList<>(results);
        rows.sort(Comparator.<ProbeResult>comparingInt(r -> ORDER.indexOf(ProbeResultKind.of(r)))
                .thenComparing(ProbeResult::provider, collator)
                .thenComparing(r -> r.label() != null ? r.label() : String.valueOf(r.profileId()), collator));
        return rows;
    }

    private static String details(ProbeResult r) {
        List<String> parts = new ArrayList<>();
        if (r.error() != null) {
            parts.add(r.error());
        }
        if (r.retryAfterMs() != null) {
            parts.add("retry in " + Durations.latency(r.retryAfterMs()));
        }
        if (r.requestId() != null) {
            parts.add("request " + r.requestId());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /**
     * A table cell that shows exactly its text: every ASCII punctuation character backslash-escaped
     * (so a provider's message can neither end the cell nor become a link, an image or HTML), line
     * breaks and other control characters as spaces.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
