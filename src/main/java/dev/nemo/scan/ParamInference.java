package dev.nemo.scan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter count in billions a model id or name states: {@code llama-3.3-70b} is 70,
 * {@code gemma-3n-e4b} is 4, {@code qwen3-235b-a22b} is 235 (the largest mention wins). A token
 * must stand alone, so {@code 8x7b} and {@code b200} say nothing.
 */
public final class ParamInference {
    private static final Pattern SIZE = Pattern.compile("(?:^|[^a-z0-9])[a-z]?(\\d+(?:\\.\\d+)?)b(?=[^a-z0-9]|$)");

    private ParamInference() {
    }

    /** The largest size stated in any of {@code texts}, or null when none states one. */
    public static Double inferB(String... texts) {
        Double best = null;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                double value = Double.parseDouble(m.group(1));
                if (value > 0 && (best == null || value > best)) {
                    best = value;
                }
            }
        }
        return best;
    }

    /** {@code 70b}, {@code 1.5b}, or {@code -} when unknown. */
    public static String format(Double b) {
        if (b == null) {
            return "-";
        }
        return (b == Math.rint(b) ? Long.toString(b.longValue()) : Double.toString(b)) + "b";
    }
}
