package dev.nemo.auth;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text nemo did not write itself (provider error bodies, exception
 * messages): every known secret value, {@code Bearer …}, {@code key=…} query parameters,
 * {@code "api_key": "…"}-style assignments, {@code sk-…} tokens and long opaque tokens.
 */
public final class Redactor {
    private static final String MASK = "***";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+"),
            Pattern.compile("(?i)([?&](?:key|api_key|apikey|token|access_token)=)[^&\\s\"']+"),
            Pattern.compile("(?i)((?:access_token|refresh_token|id_token|token|password|secret|api[_-]?key|x-api-key|x-goog-api-key|authorization)"
                    + "[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&}]+"),
            Pattern.compile("(sk-)[A-Za-z0-9_-]{10,}"),
            // Long opaque tokens (JWTs, hex or base64 keys) that carry no words a reader needs.
            Pattern.compile("()\\b(?=[A-Za-z0-9_\\-.]*[0-9])(?=[A-Za-z0-9_\\-.]*[A-Za-z])[A-Za-z0-9_\\-.]{32,}\\b"));

    private final List<String> secrets;

    /** @param secrets every secret this run knows of (short values are ignored: they are not secrets) */
    public Redactor(Set<String> secrets) {
        Set<String> unique = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.trim().length() >= 6) {
                unique.add(s.trim());
            }
        }
        // Longest first, so a secret that contains another is replaced whole.
        this.secrets = unique.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor none() {
        return new Redactor(Set.of());
    }

    /** A copy that also knows {@code extra} (e.g. the credential one probe used). */
    public Redactor with(String extra) {
        Set<String> all = new LinkedHashSet<>(secrets);
        all.add(extra);
        return new Redactor(all);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll("$1" + MASK);
        }
        return out;
    }
}
