package dev.nemo.output;

import dev.nemo.text.ContextWindows;
import dev.nemo.text.Durations;
import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.ParamInference;
import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code models scan} table (reference §2.6 step 7): {@code Model}, {@code Tool} (latency or
 * {@code fail}), {@code Image} (latency, {@code skip} or {@code fail}), {@code Ctx}, {@code Params},
 * {@code Notes}; and the one-line hint of the interactive selection.
 */
public final class ScanTableRenderer {
    private static final String[] HEADERS = {"Model", "Tool", "Image", "Ctx", "Params", "Notes"};
    private static final int[] MIN_WIDTHS = {42, 10, 10, 8, 8, 0};

    private ScanTableRenderer() {
    }

    public static void render(List<ModelScanResult> results, TableLayout layout, PrintWriter out) {
        TextTable table = new TextTable(HEADERS, MIN_WIDTHS).keepTokens(0);
        for (ModelScanResult m : results) {
            table.add(m.modelRef(), probe(m.tool()), probe(m.image()), ContextWindows.format(m.contextLength()),
                    ParamInference.format(m.inferredParamB()), m.modality() == null ? "" : "modality:" + m.modality());
        }
        out.print(table.render(layout));
    }

    /** {@code tool 1.2s | img skip | ctx 128k | 70b}. */
    public static String hint(ModelScanResult m) {
        return "tool " + probe(m.tool()) + " | img " + probe(m.image()) + " | ctx " + ContextWindows.format(m.contextLength())
                + " | " + ParamInference.format(m.inferredParamB());
    }

    /** {@code Scan results: tested N, tool ok T, image ok I, tool+image ok B, image only O}. */
    public static String summary(List<ModelScanResult> results) {
        long tool = results.stream().filter(ModelScanResult::toolOk).count();
        long image = results.stream().filter(ModelScanResult::imageOk).count();
        long both = results.stream().filter(m -> m.toolOk() && m.imageOk()).count();
        return "Scan results: tested " + results.size() + ", tool ok " + tool + ", image ok " + image + ", tool+image ok "
                + both + ", image only " + (image - both);
    }

    private static String probe(ModelScanResult.Probe p) {
        if (p == null) {
            return "-";
        }
        if (p.isSkipped()) {
            return "skip";
        }
        return p.ok() ? Durations.latency(p.latencyMs()) : "fail";
    }
}
