package dev.nemo.output;

import dev.nemo.text.ContextWindows;
import dev.nemo.models.ModelRow;
import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code models list} table (reference §2.2): fixed-width columns separated by one space. A
 * model key longer than its column widens the column instead of being cut (the peer truncates it
 * with {@code ...}, which leaves a ref nobody can paste).
 */
public final class ModelTableRenderer {
    static final int MODEL_WIDTH = 42;
    private static final int INPUT_WIDTH = 10;
    private static final int CTX_WIDTH = 8;
    private static final int FLAG_WIDTH = 5;

    public void render(List<ModelRow> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("No models found.");
            return;
        }
        int modelWidth = Math.max(MODEL_WIDTH, rows.stream().mapToInt(r -> r.key().length()).max().orElse(0));
        out.println(line(modelWidth, "Model", "Input", "Ctx", "Local", "Auth", "Tags"));
        for (ModelRow r : rows) {
            out.println(line(modelWidth, r.key(), r.input(), ContextWindows.format(r.contextWindow()), yesNo(r.local()),
                    yesNo(r.available()), String.join(",", r.tags())));
        }
    }

    private static String line(int modelWidth, String model, String input, String ctx, String local, String auth, String tags) {
        String text = pad(model, modelWidth) + " " + pad(input, INPUT_WIDTH) + " " + pad(ctx, CTX_WIDTH) + " "
                + pad(local, FLAG_WIDTH) + " " + pad(auth, FLAG_WIDTH) + " " + tags;
        return text.stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String yesNo(Boolean value) {
        return value == null ? "-" : value ? "yes" : "no";
    }
}
