package dev.nemo.output;

import dev.nemo.text.Durations;
import dev.nemo.probe.FreeChecks;
import dev.nemo.probe.ProbeChain;
import dev.nemo.probe.ProbeMethod;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.probe.ProbeRun;
import java.io.PrintWriter;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Help.Ansi;

/**
 * The "Auth probes" section: the results table sorted by provider then label, and the summary
 * line. A Headroom column joins when any answer carried rate-limit headers.
 */
public final class ProbeTextRenderer {
    private static final String[] HEADERS = {"Model", "Profile", "Status"};
    private static final int[] MIN_WIDTHS = {18, 24, 12};
    private static final String[] HEADERS_WITH_HEADROOM = {"Model", "Profile", "Status", "Headroom"};
    private static final int[] MIN_WIDTHS_WITH_HEADROOM = {18, 24, 12, 10};

    private ProbeTextRenderer() {
    }

    private static final Pattern STATUS_CELL = Pattern.compile("(│ )(ok|auth|rate_limit|billing|timeout|format|unknown|no_model)( · )");

    /** @param ansi how the status words are coloured (picocli renders nothing when colour is off) */
    public static void render(ProbeRun run, TableLayout layout, Ansi ansi, PrintWriter out) {
        out.println();
        out.println("Auth probes");
        if (run.results().isEmpty()) {
            out.println("- none"); // and no summary line, as the peer prints it
        } else {
            table(run, layout, ansi, out);
        }
        if (run.cancelled() != null) {
            out.println("Interrupted: " + run.cancelled() + " of " + run.totalTargets() + " probes cancelled.");
        }
    }

    private static void table(ProbeRun run, TableLayout layout, Ansi ansi, PrintWriter out) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        List<ProbeResult> sorted = new ArrayList<>(run.results());
        if (run.chains() != null) {
            sorted.sort(Comparator.comparingInt(r -> r.hop() == null ? Integer.MAX_VALUE : ProbeChain.order(r.hop()))); // runtime order
        } else {
            sorted.sort(Comparator.comparing(ProbeResult::provider, collator)
                    .thenComparing(r -> r.label() != null ? r.label() : String.valueOf(r.profileId()), collator));
        }
        boolean headroom = sorted.stream().anyMatch(r -> r.rateLimit() != null);
        TextTable table = headroom ? new TextTable(HEADERS_WITH_HEADROOM, MIN_WIDTHS_WITH_HEADROOM).keepTokens(0, 1)
                : new TextTable(HEADERS, MIN_WIDTHS).keepTokens(0, 1);
        for (ProbeResult r : sorted) {
            String model = (r.hop() != null ? r.hop() + ": " : "") + (r.model() != null ? r.model()
                    : r.method() == ProbeMethod.FREE ? r.provider() + " (free: " + FreeChecks.name(r.provider()).orElse("check") + ")"
                    : r.provider() + "/-");
            String profile = r.label() + (r.mode() != null ? " (" + r.mode().wireName() + ")" : "");
            String account = HeadroomText.account(r.account());
            String status = r.status().wireName() + " · " + Durations.latency(r.latencyMs())
                    + (r.reasonCode() != null && r.status() != ProbeStatus.NO_MODEL ? " · " + r.reasonCode().wireName() : "")
                    + (r.retryAfterMs() != null ? " · retry in " + Durations.latency(r.retryAfterMs()) : "")
                    + (account.isEmpty() ? "" : " · " + account)
                    + (r.error() != null ? "\n↳ " + r.error() : "")
                    + (r.requestId() != null ? " [request " + r.requestId() + "]" : "");
            if (headroom) {
                table.add(model, profile, status, HeadroomText.of(r.rateLimit()));
            } else {
                table.add(model, profile, status);
            }
        }
        String rendered = table.render(layout);
        // Coloured after layout, so escape codes never count toward column widths.
        out.print(ansi.enabled() ? STATUS_CELL.matcher(rendered).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + ansi.string("@|" + style(m.group(2)) + " " + m.group(2) + "|@") + m.group(3))) : rendered);
        if (run.totalTargets() == 0) {
            out.println("No probe targets.");
        } else {
            out.println("Probed " + run.totalTargets() + " target" + (run.totalTargets() == 1 ? "" : "s") + " in "
                    + Durations.latency(run.durationMs()));
        }
        if (run.chains() != null) {
            for (ProbeChain chain : run.chains()) {
                out.println("Chain " + chain.chain() + ": " + chain.verdict().wireName() + " — " + chain.hops().stream()
                        .map(h -> h.hop() + " " + h.status().wireName()).collect(java.util.stream.Collectors.joining(", "))
                        + (chain.verdict() == ProbeChain.Verdict.DEGRADED ? " (runs on " + chain.firstWorking() + ")" : ""));
            }
        }
    }

    /** The peer's palette, as picocli style names: ok green; rate_limit, timeout, billing yellow; auth, format red; the rest dim. */
    private static String style(String status) {
        return switch (status) {
            case "ok" -> "green";
            case "rate_limit", "timeout", "billing" -> "yellow";
            case "auth", "format" -> "red";
            default -> "faint";
        };
    }
}
