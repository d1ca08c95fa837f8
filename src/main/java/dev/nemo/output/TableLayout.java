package dev.nemo.output;

/**
 * Where a table goes. On a terminal it is box-drawn and wrapped to fit {@code width}; piped, it
 * is plain aligned columns that are never wrapped (one row per line for scripts), as gh and
 * kubectl print when their output is not a terminal.
 */
public record TableLayout(boolean boxed, int width) {
    public static final TableLayout PIPE = new TableLayout(false, Integer.MAX_VALUE);

    public static TableLayout terminal(int width) {
        return new TableLayout(true, width);
    }
}
