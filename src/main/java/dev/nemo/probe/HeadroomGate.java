package dev.nemo.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --check --min-headroom <percent>}: the probed credentials of providers in use whose
 * request or token budget, or usage window, has less than that share left. Only what a
 * provider's headers told counts: a row without rate-limit headers can say nothing either way.
 */
public final class HeadroomGate {
    private HeadroomGate() {
    }

    /** A row below the threshold, with the budget that binds and how much of it is left. */
    public record Shortfall(ProbeResult row, double leftPercent, String budget) {
        /** {@code openai:work (openai/gpt-5-mini): requests 49 of 5000 left (1.0%)}. */
        public String describe() {
            String where = row.model() != null ? " (" + row.model() + ")" : "";
            return row.label() + where + ": " + budget + " (" + percent(leftPercent) + ")";
        }
    }

    /** Rows of {@code providersInUse} below {@code minPercent}, the tightest budget of each, lowest first. */
    public static List<Shortfall> below(ProbeRun run, double minPercent, Set<String> providersInUse) {
        List<Shortfall> out = new ArrayList<>();
        for (ProbeResult r : run.results()) {
            if (r.rateLimit() == null || !providersInUse.contains(r.provider())) {
                continue;
            }
            Shortfall tightest = null;
            RateLimit rl = r.rateLimit();
            for (Shortfall s : List.of(budget(r, "requests", rl.requests()), budget(r, "tokens", rl.tokens()))) {
                tightest = tighter(tightest, s);
            }
            if (rl.windows() != null) {
                for (UsageWindow w : rl.windows()) {
                    if (w.leftPercent() != null) {
                        tightest = tighter(tightest, new Shortfall(r, w.leftPercent(), w.window() + " window " + percent(w.leftPercent()) + " left"));
                    }
                }
            }
            if (tightest != null && tightest.leftPercent() < minPercent) {
                out.add(tightest);
            }
        }
        out.sort(Comparator.comparingDouble(Shortfall::leftPercent));
        return out;
    }

    /** True when any probed row of a provider in use carried rate-limit headers the gate could read. */
    public static boolean anyTold(ProbeRun run, Set<String> providersInUse) {
        return run.results().stream().anyMatch(r -> r.rateLimit() != null && r.rateLimit().headroomPercent() != null
                && providersInUse.contains(r.provider()));
    }

    private static Shortfall budget(ProbeResult r, String kind, RateLimit.Budget b) {
        if (b == null || b.leftPercent() == null) {
            return null;
        }
        String per = b.per() == null ? "" : " per " + b.per();
        return new Shortfall(r, b.leftPercent(), kind + per + " " + b.remaining() + " of " + b.limit() + " left");
    }

    private static Shortfall tighter(Shortfall a, Shortfall b) {
        return a == null ? b : b == null || a.leftPercent() <= b.leftPercent() ? a : b;
    }

    /** {@code 62%}, {@code 4.5%}. */
    public static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }
}
