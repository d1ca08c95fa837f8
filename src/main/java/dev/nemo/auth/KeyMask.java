package dev.nemo.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a key as its non-secret vendor prefix only ({@code sk-ant-***}, {@code gsk_***},
 * {@code AIza***}); never any of the random part. Everything nemo prints about a key goes here.
 */
public final class KeyMask {
    /**
     * A vendor prefix: a short lower-case word followed by '-' or '_' ({@code gsk_}, {@code xai-}),
     * and for the {@code sk-} family one more ({@code sk-ant-}, {@code sk-or-}, {@code sk-proj-}).
     * Vendor prefixes are short and lower case; a longer or mixed-case run is the random part of
     * the key (base64url keys contain '-' and '_'), and must never be shown.
     */
    private static final Pattern PREFIX = Pattern.compile("^([a-z]{1,4}[-_])([a-z]{1,4}[-_])?");
    private static final int MAX_PREFIX = 8;
    private static final int MIN_LENGTH_FOR_BARE_PREFIX = 20;

    private KeyMask() {
    }

    /**
     * The vendor prefix of {@code key} that may be shown ({@code sk-ant-}, {@code gsk_}), or "" when
     * it has none or is too short for a prefix to leave enough hidden.
     */
    public static String vendorPrefix(String key) {
        Matcher m = PREFIX.matcher(key);
        if (m.find()) {
            String prefix = m.group(2) != null && m.group(1).equals("sk-") && m.end(2) <= MAX_PREFIX
                    ? m.group(1) + m.group(2) : m.group(1);
            if (prefix.length() <= MAX_PREFIX && key.length() >= 2 * prefix.length() + 8) {
                return prefix;
            }
        }
        return "";
    }

    public static String mask(String key) {
        if (key == null || key.isBlank()) {
            return "missing";
        }
        String k = key.trim();
        String prefix = vendorPrefix(k);
        if (!prefix.isEmpty()) {
            return prefix + "***";
        }
        // No vendor prefix (Google's AIza…, opaque tokens): four characters only of a long key.
        return k.length() >= MIN_LENGTH_FOR_BARE_PREFIX ? k.substring(0, 4) + "***" : "***";
    }
}
