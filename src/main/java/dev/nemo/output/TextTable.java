package dev.nemo.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table (reference §3.4), laid out for where it goes ({@link TableLayout}).
 *
 * <p>On a terminal it is box-drawn with one space of padding: columns grow to their content, then
 * shrink (the one with the most to spare first, never below its header) until the table fits the
 * width, and cells wrap at spaces and after {@code / - : _ .}. Columns of ids ({@link #keepTokens})
 * wrap only at spaces and after {@code / - :}, and never shrink below their longest token: a model
 * or profile id is never cut inside a token, even if the table must then be wider than the terminal.
 *
 * <p>Piped, it is plain columns two spaces apart, each as wide as its content, one row per line
 * (a cell's second line joins its first): nothing for a script to strip, nothing wrapped.
 */
public final class TextTable {
    private static final String PROSE_BREAKS = " /-:_.";
    private static final String ID_BREAKS = " /-:";

    private final String[] headers;
    private final int[] minWidths;
    private final boolean[] ids;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String[] headers, int[] minWidths) {
        this.headers = headers;
        this.minWidths = minWidths;
        this.ids = new boolean[headers.length];
    }

    /** Marks columns that hold ids (model refs, profile ids): wrapped only between tokens, never cut inside one. */
    public TextTable keepTokens(int... columns) {
        for (int c : columns) {
            ids[c] = true;
        }
        return this;
    }

    public void add(String... cells) {
        rows.add(cells);
    }

    public String render(TableLayout layout) {
        return layout.boxed() ? boxed(layout.width()) : plain();
    }

    private String plain() {
        int n = headers.length;
        List<String[]> lines = new ArrayList<>();
        lines.add(headers);
        for (String[] row : rows) {
            String[] joined = new String[n];
            for (int c = 0; c < n; c++) {
                joined[c] = String.join(" ", row[c].split("\n"));
            }
            lines.add(joined);
        }
        int[] widths = new int[n];
        lines.forEach(cells -> {
            for (int c = 0; c < n; c++) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] cells : lines) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < n; c++) {
                line.append(cells[c]).append(c == n - 1 ? "" : " ".repeat(widths[c] - cells[c].length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private String boxed(int maxWidth) {
        int n = headers.length;
        int[] widths = new int[n];
        int[] floors = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = Math.max(minWidths[c], headers[c].length() + 2);
            floors[c] = headers[c].length() + 2;
            for (String[] row : rows) {
                for (String line : row[c].split("\n", -1)) {
                    widths[c] = Math.max(widths[c], line.length() + 2);
                    if (ids[c]) {
                        floors[c] = Math.max(floors[c], longestToken(line) + 2);
                    }
                }
            }
        }
        int available = maxWidth - (n + 1);
        while (Arrays.stream(widths).sum() > available) {
            int widest = 0;
            for (int c = 1; c < n; c++) {
                if (widths[c] - floors[c] > widths[widest] - floors[widest]) {
                    widest = c;
                }
            }
            if (widths[widest] <= floors[widest]) {
                break;
            }
            widths[widest]--;
        }
        StringBuilder out = new StringBuilder();
        border(out, widths, '┌', '┬', '┐');
        line(out, widths, headers);
        border(out, widths, '├', '┼', '┤');
        for (String[] row : rows) {
            line(out, widths, row);
        }
        border(out, widths, '└', '┴', '┘');
        return out.toString();
    }

    private static void border(StringBuilder out, int[] widths, char left, char mid, char right) {
        out.append(left);
        for (int c = 0; c < widths.length; c++) {
            out.append("─".repeat(widths[c])).append(c == widths.length - 1 ? right : mid);
        }
        out.append('\n');
    }

    private void line(StringBuilder out, int[] widths, String[] cells) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = new ArrayList<>();
            for (String part : cells[c].split("\n", -1)) {
                lines.addAll(wrap(part, widths[c] - 2, ids[c] ? ID_BREAKS : PROSE_BREAKS));
            }
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int i = 0; i < height; i++) {
            out.append('│');
            for (int c = 0; c < widths.length; c++) {
                String text = i < wrapped.get(c).size() ? wrapped.get(c).get(i) : "";
                out.append(' ').append(text).append(" ".repeat(Math.max(0, widths[c] - 2 - text.length()))).append(' ').append('│');
            }
            out.append('\n');
        }
    }

    /** The longest run that {@link #wrap} keeps on one line in an id column: up to and including a break. */
    static int longestToken(String text) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (ID_BREAKS.indexOf(text.charAt(i)) >= 0) {
                longest = Math.max(longest, text.substring(start, i + 1).strip().length());
                start = i + 1;
            }
        }
        return Math.max(longest, text.substring(start).strip().length());
    }

    /** Greedy: the most text that fits, broken after the last break character; cut hard only when no break fits. */
    static List<String> wrap(String text, int width, String breaks) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width && width > 0) {
            int cut = -1;
            for (int i = Math.min(width, rest.length() - 1); i > 0; i--) {
                if (breaks.indexOf(rest.charAt(i - 1)) >= 0 || rest.charAt(i) == ' ') {
                    cut = i;
                    break;
                }
            }
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
