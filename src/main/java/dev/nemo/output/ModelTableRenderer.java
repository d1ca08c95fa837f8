package dev.nemo.output;

import dev.nemo.text.ContextWindows;
import dev.nemo.models.ModelRow;
import java.io.PrintWriter;
import java.util.List;

/** The {@code models list} table (reference §2.2): fixed-width columns separated by one space. */
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
        out.println(line("Model", "Input", "Ctx", "Local", "Auth", "Tags"));
        for (ModelRow r : rows) {
            out.println(line(truncate(r.key()), r.input(), ContextWindows.format(r.contextWindow()), yesNo(r.local()),
                    yesNo(r.available()), String.join(",", r.tags())));
        }
    }

    private static String line(String model, String input, String ctx, String local, String auth, String tags) {
        String text = pad(model, MODEL_WIDTH) + " " + pad(input, INPUT_WIDTH) + " " + pad(ctx, CTX_WIDTH) + " "
                + pad(local, FLAG_WIDTH) + " " + pad(auth, FLAG_WIDTH) + " " + tags;
        return text.stripTrailing();
    }

    static String truncate(String key) {
        return key.length() <= MODEL_WIDTH ? key : key.substring(0, MODEL_WIDTH - 3) + "...";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String yesNo(Boolean value) {
        return value == null ? "-" : value ? "yes" : "no";
    }
}
