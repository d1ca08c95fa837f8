package dev.nemo.text;

/**
 * Text from users or servers made safe to print in a message: control characters (but newline
 * and tab) and Unicode direction overrides are shown as escapes, so a crafted id can neither
 * move the cursor, recolour the terminal nor reorder what a reader sees.
 */
public final class PrintableText {
    private PrintableText() {
    }

    /** A value the user gave (an id, a ref), quoted, with every control character escaped, newlines too. */
    public static String quote(String value) {
        return value == null ? "null" : "\"" + escape(value).replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escaped(char c) {
        if (c == '\n' || c == '\t') {
            return null;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", (int) c);
        }
        if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
