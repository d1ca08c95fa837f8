package dev.nemo.scan;

import static dev.nemo.scan.ScanFixtures.probed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRankingTest {
    private static List<String> refs(List<ModelScanResult> results) {
        return results.stream().map(ModelScanResult::id).toList();
    }

    @Test
    void imageOkModelsComeFirstThenFasterToolLatency() {
        List<ModelScanResult> sorted = ScanRanking.sorted(List.of(probed("a/slow-tool", 1000, null, 900L, null),
                probed("a/fast-tool", 1000, null, 100L, null), probed("a/vision", 1000, null, 2000L, 50L)));
        assertThat(refs(sorted)).containsExactly("a/vision", "a/fast-tool", "a/slow-tool");
    }

    @Test
    void failedToolProbesSortAfterEveryWorkingOne() {
        List<ModelScanResult> sorted = ScanRanking.sorted(List.of(probed("a/failed", 999_999, 400.0, null, null),
                probed("a/works", 10, null, 5000L, null)));
        assertThat(refs(sorted)).containsExactly("a/works", "a/failed");
    }

    @Test
    void tiesBreakOnLargerContextThenLargerModelThenRef() {
        List<ModelScanResult> sorted = ScanRanking.sorted(List.of(probed("a/b-small", 8000, 7.0, 100L, null),
                probed("a/z-ctx", 128000, 7.0, 100L, null), probed("a/a-small", 8000, 7.0, 100L, null),
                probed("a/big", 8000, 70.0, 100L, null)));
        assertThat(refs(sorted)).containsExactly("a/z-ctx", "a/big", "a/a-small", "a/b-small");
    }

    @Test
    void imageListOrdersByImageLatency() {
        List<ModelScanResult> images = ScanRanking.imageCandidates(List.of(probed("a/v-slow", 1, null, 10L, 900L),
                probed("a/text", 1, null, 10L, null), probed("a/v-fast", 1, null, null, 100L)));
        assertThat(refs(images)).containsExactly("a/v-fast", "a/v-slow");
    }

    @Test
    void preselectionTakesTheFirstToolOkModelsPreferringImageOkOnes() {
        List<ModelScanResult> all = List.of(probed("a/t1", 1, null, 10L, null), probed("a/t2", 1, null, 20L, null),
                probed("a/tv", 1, null, 900L, 30L), probed("a/v-only", 1, null, null, 10L), probed("a/t3", 1, null, 30L, null));
        assertThat(refs(ScanRanking.preselect(all, 3))).containsExactly("a/tv", "a/t1", "a/t2");
        assertThat(refs(ScanRanking.preselectImages(all, 6))).containsExactly("a/v-only", "a/tv");
    }
}
