package dev.nemo.output;

import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.ScanOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code models scan --json} after probing (reference §2.6 step 9): the selection, the set flags,
 * the ranked results. {@code applied} is nemo's: false when nothing was written (no {@code --yes}),
 * the selection then being the preselection that {@code --yes} would apply.
 */
@RegisterForReflection
public record ScanJson(List<String> selected, List<String> selectedImages, boolean setDefault, boolean setImage,
                       boolean applied, List<ModelScanResult> results, List<String> warnings) {

    public static ScanJson of(ScanOutcome.Selected s, boolean setDefault, boolean setImage) {
        return new ScanJson(s.selection().fallbacks(), s.selection().imageFallbacks(), setDefault, setImage, s.applied(),
                s.results(), List.of());
    }
}
