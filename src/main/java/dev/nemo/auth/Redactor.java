package dev.nemo.auth;

import dev.nemo.Background;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Removes secrets from any text nemo did not write itself (provider error bodies, exception
 * messages). Masks, in one left-to-right scan:
 * <ul>
 *   <li>every piece of 8 or more characters of a known secret, wherever it stands: the whole key,
 *       the key without its vendor prefix, a prefix or suffix a provider echoed ("sk-abc…xyz") or
 *       that a cut to length left behind, and the key URL-encoded or JSON-escaped; a secret shorter
 *       than 8 characters (at least 6) is masked where it appears whole;</li>
 *   <li>whatever follows {@code Bearer}, a {@code key=}/{@code token=} query parameter or an
 *       {@code "api_key": …}-style assignment;</li>
 *   <li>{@code sk-…} tokens and long opaque tokens (32+ characters with letters and digits).</li>
 * </ul>
 *
 * <p>Prepared once per run: every 8-character window of every known secret goes into a table of
 * 64-bit hashes, so redacting costs time linear in the text (one rolling hash per position), not
 * in the number of secrets. {@link #with} adds one secret without copying the table. A hash
 * collision can only mask more, never less. Immutable, so safe to share between threads.
 */
public final class Redactor {
    /** The shortest piece of a secret that is masked wherever it appears. */
    public static final int FRAGMENT = 8;
    private static final int MIN_SECRET = 6;
    private static final String MASK = "***";
    private static final long BASE = 0x100000001b3L;
    private static final int MAX_EXTRA_LAYERS = 8;
    private static final Redactor NONE = new Redactor(CompletableFuture.completedFuture(Windows.of(List.of())), new Windows[0]);

    /** Names whose value is a secret in {@code name: value}, {@code name=value}, {@code "name": "value"}. */
    private static final List<String> SECRET_NAMES = List.of("access_token", "refresh_token", "id_token", "token", "password",
            "secret", "api_key", "api-key", "apikey", "x-api-key", "x-goog-api-key", "authorization");
    /** Query parameters whose value is a secret ({@code ?key=…}, {@code &token=…}). */
    private static final List<String> SECRET_PARAMETERS = List.of("key=", "api_key=", "apikey=", "token=", "access_token=");

    /** The run's known secrets, prepared once (perhaps still on the thread {@link #preparing} started). */
    private final CompletableFuture<Windows> prepared;
    /** Secrets added by {@link #with}. */
    private final Windows[] added;

    /** @param secrets every secret this run knows of (values shorter than 6 characters are ignored: they are not secrets) */
    public Redactor(Collection<String> secrets) {
        this(CompletableFuture.completedFuture(Windows.of(secrets)), new Windows[0]);
    }

    private Redactor(CompletableFuture<Windows> prepared, Windows[] added) {
        this.prepared = prepared;
        this.added = added;
    }

    /**
     * A redactor whose table is built on a thread of its own while the run goes on: with 50,000
     * stored keys that takes a good part of a second, and nothing needs redacting before the first
     * probe answers. The first redaction waits for the table if it is not ready yet.
     */
    public static Redactor preparing(Collection<String> secrets) {
        List<String> copy = secrets.stream().filter(Objects::nonNull).toList();
        CompletableFuture<Windows> table = CompletableFuture.supplyAsync(() -> Windows.of(copy), Background.thread("nemo-redactor"));
        return new Redactor(table, new Windows[0]);
    }

    public static Redactor none() {
        return NONE;
    }

    /** This redactor also knowing {@code extra} (e.g. the credential one probe used); costs time in its length only. */
    public Redactor with(String extra) {
        if (extra == null || extra.trim().length() < MIN_SECRET) {
            return this;
        }
        List<Windows> next = new ArrayList<>(List.of(added));
        if (next.size() >= MAX_EXTRA_LAYERS) {
            // Rarely reached (refreshes, key commands): fold the added layers into one, keeping the run's.
            Windows folded = Windows.merge(next);
            next.clear();
            next.add(folded);
        }
        next.add(Windows.of(List.of(extra)));
        return new Redactor(prepared, next.toArray(Windows[]::new));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskTokens(maskAssigned(maskKnown(text)));
    }

    /**
     * Redacts, then cuts to at most {@code maxChars} (plus "…"): in that order, so a cut can never
     * split a secret into pieces that no longer match, and never inside a mask.
     */
    public String redact(String text, int maxChars) {
        String out = redact(text);
        if (out == null || out.length() <= maxChars) {
            return out;
        }
        int cut = maxChars;
        int mask = out.lastIndexOf(MASK, cut);
        if (mask >= 0 && mask + MASK.length() > cut) {
            cut = mask + MASK.length();
        }
        if (Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--;
        }
        return cut >= out.length() ? out : out.substring(0, cut) + "…";
    }

    /**
     * Only the known secrets and their pieces, not the patterns: for text nemo wrote itself (paths,
     * ids) where a long opaque word is no secret, as a last check before it is printed.
     */
    public String redactKnown(String text) {
        return text == null || text.isEmpty() ? text : maskKnown(text);
    }

    /** Known secrets and their pieces: each maximal run of matching windows becomes one mask. */
    private String maskKnown(String text) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int runStart = -1;
        int runEnd = -1;
        long power = 1;
        for (int k = 1; k < FRAGMENT; k++) {
            power *= BASE;
        }
        long hash = 0;
        for (int i = 0; i < n; i++) {
            // Rolling hash of text[i-7 .. i]; windows end at i.
            if (i >= FRAGMENT) {
                hash -= text.charAt(i - FRAGMENT) * power;
            }
            hash = hash * BASE + text.charAt(i);
            int end = i + 1;
            int start = -1;
            if (i >= FRAGMENT - 1 && containsWindow(hash)) {
                start = end - FRAGMENT;
            }
            for (int len = MIN_SECRET; len < FRAGMENT && start < 0; len++) {
                if (end >= len && containsShort(text, end - len, end)) {
                    start = end - len;
                }
            }
            if (start < 0) {
                continue;
            }
            if (runStart >= 0 && start <= runEnd) {
                runEnd = Math.max(runEnd, end);
            } else {
                if (runStart >= 0) {
                    out = emit(out, text, copied, runStart, runEnd);
                    copied = runEnd;
                }
                runStart = start;
                runEnd = end;
            }
        }
        if (runStart < 0) {
            return text;
        }
        out = emit(out, text, copied, runStart, runEnd);
        return out.append(text, runEnd, n).toString();
    }

    private static StringBuilder emit(StringBuilder out, String text, int copied, int runStart, int runEnd) {
        StringBuilder b = out != null ? out : new StringBuilder(text.length());
        // A vendor prefix (sk-ant-, gsk_) is public and tells the reader which key it was.
        return b.append(text, copied, runStart).append(KeyMask.vendorPrefix(text.substring(runStart, runEnd))).append(MASK);
    }

    private boolean containsWindow(long hash) {
        if (prepared.join().containsLong(hash)) {
            return true;
        }
        for (Windows w : added) {
            if (w.containsLong(hash)) {
                return true;
            }
        }
        return false;
    }

    private boolean containsShort(String text, int from, int to) {
        if (prepared.join().containsShort(text, from, to)) {
            return true;
        }
        for (Windows w : added) {
            if (w.containsShort(text, from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value after {@code Bearer}, a secret query parameter or an assignment to a secret-named
     * field (optionally quoted, optionally itself {@code Bearer …}). Hand-written rather than one
     * regex with a case-insensitive alternation, which cost ~20 µs per 150 characters.
     */
    private static String maskAssigned(String text) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            int value = valueAfterName(text, i);
            if (value < 0) {
                i++;
                continue;
            }
            int end = value;
            while (end < n && valueChar(text.charAt(end))) {
                end++;
            }
            if (end == value) {
                i++;
                continue;
            }
            out = out != null ? out : new StringBuilder(n);
            out.append(text, copied, value).append(MASK);
            copied = end;
            i = end;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** Where a secret value starts when a name that announces one starts at {@code i}, else -1. */
    private static int valueAfterName(String text, int i) {
        char c = Character.toLowerCase(text.charAt(i));
        if (c == '?' || c == '&') {
            for (String p : SECRET_PARAMETERS) {
                if (text.regionMatches(true, i + 1, p, 0, p.length())) {
                    return i + 1 + p.length();
                }
            }
            return -1;
        }
        if (c == 'b') {
            return afterBearer(text, i);
        }
        if ("aritpsx".indexOf(c) < 0) {
            return -1;
        }
        for (String name : SECRET_NAMES) {
            if (name.charAt(0) == c && text.regionMatches(true, i, name, 0, name.length())) {
                int j = i + name.length();
                j = skipQuote(text, j);
                j = skipSpaces(text, j);
                if (j >= text.length() || (text.charAt(j) != ':' && text.charAt(j) != '=')) {
                    continue;
                }
                j = skipQuote(text, skipSpaces(text, j + 1));
                int bearer = j < text.length() ? afterBearer(text, j) : -1;
                return bearer >= 0 ? bearer : j;
            }
        }
        return -1;
    }

    private static int afterBearer(String text, int i) {
        if (!text.regionMatches(true, i, "bearer", 0, 6)) {
            return -1;
        }
        int j = skipSpaces(text, i + 6);
        return j > i + 6 ? j : -1;
    }

    private static int skipSpaces(String text, int j) {
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int skipQuote(String text, int j) {
        return j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'') ? j + 1 : j;
    }

    private static boolean valueChar(char c) {
        return !Character.isWhitespace(c) && c != '"' && c != '\'' && c != ',' && c != ';' && c != '&' && c != '}';
    }

    /**
     * {@code sk-…} tokens (10+ characters after {@code sk-}) and long opaque tokens: maximal runs of
     * {@code [A-Za-z0-9_.-]} of 32+ characters holding a letter and a digit. One pass over the runs
     * (no regex look-ahead, which costs quadratic time on long runs of such characters).
     */
    private static String maskTokens(String text) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!tokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean letter = false;
            boolean digit = false;
            while (i < n && tokenChar(text.charAt(i))) {
                char c = text.charAt(i);
                letter |= Character.isLetter(c);
                digit |= c >= '0' && c <= '9';
                i++;
            }
            // Dots and dashes at the edges are punctuation ("token abc…123."), not part of a token.
            int s = start;
            int e = i;
            while (s < e && (text.charAt(s) == '.' || text.charAt(s) == '-')) {
                s++;
            }
            while (e > s && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
            }
            int maskFrom = -1;
            if (e - s >= 32 && letter && digit) {
                maskFrom = s;
            } else {
                int sk = indexOfSk(text, s, e);
                if (sk >= 0) {
                    maskFrom = sk + 3;
                }
            }
            if (maskFrom >= 0) {
                out = out != null ? out : new StringBuilder(n);
                out.append(text, copied, maskFrom).append(MASK);
                copied = e;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** Where an {@code sk-} starts that is followed by 10+ key characters (no '.'), or -1. */
    private static int indexOfSk(String text, int from, int to) {
        int at = text.indexOf("sk-", from);
        while (at >= 0 && at + 3 < to) {
            int j = at + 3;
            while (j < to && text.charAt(j) != '.') {
                j++;
            }
            if (j - (at + 3) >= 10 && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))) {
                return at;
            }
            at = text.indexOf("sk-", at + 1);
        }
        return -1;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }

    private static long hash(CharSequence s, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    /**
     * The windows of some secrets: a hash set of every 8-character window (of the secret as written,
     * URL-encoded and JSON-escaped), and the secrets of 6–7 characters whole.
     */
    private static final class Windows {
        private final long[] table;
        private final Set<String> shortOnes;

        private Windows(long[] table, Set<String> shortOnes) {
            this.table = table;
            this.shortOnes = shortOnes;
        }

        static Windows of(Collection<String> secrets) {
            Set<String> forms = new LinkedHashSet<>();
            Set<String> shortOnes = new LinkedHashSet<>();
            for (String raw : secrets) {
                if (raw == null || raw.trim().length() < MIN_SECRET) {
                    continue;
                }
                String s = raw.trim();
                if (s.length() < FRAGMENT) {
                    shortOnes.add(s);
                    continue;
                }
                forms.add(s);
                if (!plain(s)) {
                    forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
                    forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
                    forms.add(jsonEscaped(s));
                }
            }
            long count = forms.stream().mapToLong(f -> Math.max(0, f.length() - FRAGMENT + 1)).sum();
            long[] table = new long[tableSize(count)];
            Windows w = new Windows(table, Set.copyOf(shortOnes));
            for (String f : forms) {
                for (int i = 0; i + FRAGMENT <= f.length(); i++) {
                    w.add(hash(f, i, i + FRAGMENT));
                }
            }
            return w;
        }

        static Windows merge(List<Windows> parts) {
            long count = 0;
            Set<String> shortOnes = new LinkedHashSet<>();
            for (Windows p : parts) {
                for (long h : p.table) {
                    count += h != 0 ? 1 : 0;
                }
                shortOnes.addAll(p.shortOnes);
            }
            Windows w = new Windows(new long[tableSize(count)], Set.copyOf(shortOnes));
            for (Windows p : parts) {
                for (long h : p.table) {
                    if (h != 0) {
                        w.add(h);
                    }
                }
            }
            return w;
        }

        /** Filled to two thirds at most: 50,000 random keys make 1.7 million windows, 20 MB of table. */
        private static int tableSize(long count) {
            return (int) Math.min(Math.max(16, count * 3 / 2 + 1), Integer.MAX_VALUE - 8);
        }

        /** Only letters, digits and {@code -._}: URL-encoding and JSON-escaping leave it as it is. */
        private static boolean plain(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                    return false;
                }
            }
            return true;
        }

        private void add(long h) {
            long key = h == 0 ? 1 : h;
            int i = slot(key);
            while (table[i] != 0) {
                if (table[i] == key) {
                    return;
                }
                i = i + 1 == table.length ? 0 : i + 1;
            }
            table[i] = key;
        }

        boolean containsLong(long h) {
            long key = h == 0 ? 1 : h;
            int i = slot(key);
            while (table[i] != 0) {
                if (table[i] == key) {
                    return true;
                }
                i = i + 1 == table.length ? 0 : i + 1;
            }
            return false;
        }

        /** The key's home slot: its spread hash scaled to the table's length (no power of two needed). */
        private int slot(long key) {
            return (int) (((spread(key) & 0xFFFFFFFFL) * table.length) >>> 32);
        }

        boolean containsShort(String text, int from, int to) {
            return !shortOnes.isEmpty() && shortOnes.contains(text.substring(from, to));
        }

        private static int spread(long h) {
            long x = h * 0x9E3779B97F4A7C15L;
            return (int) (x ^ (x >>> 32));
        }

        private static String jsonEscaped(String s) {
            StringBuilder b = new StringBuilder(s.length() + 8);
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '/' -> b.append("\\/");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.toString();
        }
    }
}
