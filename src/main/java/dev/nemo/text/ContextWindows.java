package dev.nemo.text;

/** The {@code Ctx} column of {@code models list}: {@code -}, the plain number below 1024, else kibi-tokens. */
public final class ContextWindows {
    private ContextWindows() {
    }

    public static String format(Integer tokens) {
        if (tokens == null || tokens <= 0) {
            return "-";
        }
        if (tokens < 1024) {
            return Integer.toString(tokens);
        }
        return Math.round(tokens / 1024.0) + "k";
    }
}
