package dev.nemo.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A box-drawn table (reference §3.4): one space of padding, cells word-wrapped at spaces and at
 * {@code / - _ .}; columns grow to their content, then shrink (widest first, never below their
 * header) until the table fits {@code maxWidth}.
 */
public final class TextTable {
    private final String[] headers;
    private final int[] minWidths;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String[] headers, int[] minWidths) {
        this.headers = headers;
        this.minWidths = minWidths;
    }

    public void add(String... cells) {
        rows.add(cells);
    }

    public String render(int maxWidth) {
        int n = headers.length;
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = Math.max(minWidths[c], headers[c].length() + 2);
            for (String[] row : rows) {
                for (String line : row[c].split("\n", -1)) {
                    widths[c] = Math.max(widths[c], line.length() + 2);
                }
            }
        }
        int available = maxWidth - (n + 1);
        while (Arrays.stream(widths).sum() > available) {
            int widest = 0;
            for (int c = 1; c < n; c++) {
                if (widths[c] - (headers[c].length() + 2) > widths[widest] - (headers[widest].length() + 2)) {
                    widest = c;
                }
            }
            if (widths[widest] <= headers[widest].length() + 2) {
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

    private static void line(StringBuilder out, int[] widths, String[] cells) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = new ArrayList<>();
            for (String part : cells[c].split("\n", -1)) {
                lines.addAll(wrap(part, widths[c] - 2));
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

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width && width > 0) {
            int cut = -1;
            for (int i = Math.min(width, rest.length() - 1); i > 0; i--) {
                char ch = rest.charAt(i - 1);
                if (ch == ' ' || ch == '/' || ch == '-' || ch == '_' || ch == '.') {
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
