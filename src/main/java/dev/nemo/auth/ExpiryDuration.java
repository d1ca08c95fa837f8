package dev.nemo.auth;

import dev.nemo.text.PrintableText;
import dev.nemo.NemoException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --expires-in}: {@code 365d}, {@code 12h}, {@code 30m}; a bare number means days. */
public final class ExpiryDuration {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\s*([dhm]?)");

    private ExpiryDuration() {
    }

    public static long parseMillis(String raw) {
        Matcher m = FORMAT.matcher(raw == null ? "" : raw.trim().toLowerCase());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw NemoException.usage("Invalid duration " + PrintableText.quote(raw) + " for --expires-in (e.g. 365d, 12h, 30m; a bare number means days)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> n * 3_600_000L;
            case "m" -> n * 60_000L;
            default -> n * 86_400_000L;
        };
    }
}
