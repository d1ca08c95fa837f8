package dev.nemo.scan;

import java.nio.file.Path;
import java.util.List;

/** How a {@code models scan} ended; the CLI picks the renderer and the exit code from it. */
public sealed interface ScanOutcome {

    /** No probes were sent ({@code --no-probe}, or no key): the free models in rank order. */
    record MetadataOnly(String providerName, List<ModelScanResult> models) implements ScanOutcome {
    }

    /** Ctrl-C stopped the probes; nothing was written. */
    record Interrupted(List<ModelScanResult> results) implements ScanOutcome {
    }

    /** The user cancelled the selection; nothing was written. */
    record Declined() implements ScanOutcome {
    }

    /**
     * The selection: written to the config when {@code applied} ({@code written} false when the file
     * already said so), else only the preselection {@code --yes} would apply.
     */
    record Selected(Selection selection, boolean applied, boolean written, Path configPath, List<ModelScanResult> results)
            implements ScanOutcome {
    }

    /** Model refs in order; {@code primary} and {@code imagePrimary} are set only with --set-default / --set-image. */
    record Selection(List<String> fallbacks, List<String> imageFallbacks, String primary, String imagePrimary) {
    }
}
