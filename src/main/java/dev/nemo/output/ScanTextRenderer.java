package dev.nemo.output;

import dev.nemo.config.Environment;
import dev.nemo.config.HomePaths;
import dev.nemo.scan.ScanOutcome;
import java.io.PrintWriter;

/**
 * The human view of how a {@code models scan} ended (the results table itself was shown while it
 * ran): the metadata-only listing, the written selection, or the preselection nothing was written for.
 */
public final class ScanTextRenderer {
    private ScanTextRenderer() {
    }

    public static void metadataOnly(ScanOutcome.MetadataOnly m, int width, PrintWriter out) {
        out.println("Found " + m.models().size() + " " + m.providerName()
                + " free models (metadata only; run without --no-probe, with a key, to test tools/images).");
        ScanTableRenderer.render(m.models(), width, out);
    }

    public static void declined(PrintWriter out) {
        out.println("Model scan cancelled.");
    }

    public static void selected(ScanOutcome.Selected s, Environment env, PrintWriter out) {
        ScanOutcome.Selection pick = s.selection();
        if (!s.applied()) {
            out.println("Preselected fallbacks: " + String.join(", ", pick.fallbacks()));
            if (!pick.imageFallbacks().isEmpty()) {
                out.println("Preselected image fallbacks: " + String.join(", ", pick.imageFallbacks()));
            }
            out.println("Nothing written; pass --yes to apply the preselection.");
            return;
        }
        if (s.written()) {
            out.println("Updated " + HomePaths.display(s.configPath(), env));
        }
        out.println("Fallbacks: " + String.join(", ", pick.fallbacks()));
        if (!pick.imageFallbacks().isEmpty()) {
            out.println("Image fallbacks: " + String.join(", ", pick.imageFallbacks()));
        }
        if (pick.primary() != null) {
            out.println("Default model: " + pick.primary());
        }
        if (pick.imagePrimary() != null) {
            out.println("Image model: " + pick.imagePrimary());
        }
    }
}
