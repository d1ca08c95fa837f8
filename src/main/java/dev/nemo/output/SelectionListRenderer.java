package dev.nemo.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The text views of {@code aliases list} and {@code fallbacks list} (reference §2.4, §2.5). */
public final class SelectionListRenderer {
    private SelectionListRenderer() {
    }

    public static void aliases(Map<String, String> aliases, PrintWriter out) {
        out.println("Aliases (" + aliases.size() + "):");
        if (aliases.isEmpty()) {
            out.println("- none");
        }
        aliases.forEach((alias, key) -> out.println("- " + alias + " -> " + key));
    }

    /** @param label {@code Fallbacks} or {@code Image fallbacks} */
    public static void fallbacks(String label, List<String> fallbacks, PrintWriter out) {
        out.println(label + " (" + fallbacks.size() + "):");
        if (fallbacks.isEmpty()) {
            out.println("- none");
        }
        fallbacks.forEach(f -> out.println("- " + f));
    }
}
