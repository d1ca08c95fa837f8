package dev.nemo.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a key as its non-secret vendor prefix only ({@code sk-ant-***}, {@code gsk_***},
 * {@code AIza***}); never any of the random part. Everything nemo prints about a key goes here.
 */
public final class KeyMask {
    /** Up to two all-letter segments, each followed by '-' or '_' (the vendor's prefix). */
    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z]{1,8}[-_])([A-Za-z]{1,8}[-_])?");
    private static final int MAX_PREFIX = 8;
    private static final int MIN_LENGTH_FOR_BARE_PREFIX = 20;

    private KeyMask() {
    }

    public static String mask(String key) {
        if (key == null || key.isBlank()) {
            return "missing";
        }
        String k = key.trim();
        Matcher m = PREFIX.matcher(k);
        if (m.find()) {
            String prefix = m.group(2) != null && m.end(2) <= MAX_PREFIX ? m.group(1) + m.group(2) : m.group(1);
            if (prefix.length() <= MAX_PREFIX && k.length() >= 2 * prefix.length() + 8) {
                return prefix + "***";
            }
        }
        // No vendor prefix (Google's AIza…, opaque tokens): four characters only of a long key.
        return k.length() >= MIN_LENGTH_FOR_BARE_PREFIX ? k.substring(0, 4) + "***" : "***";
    }
}
