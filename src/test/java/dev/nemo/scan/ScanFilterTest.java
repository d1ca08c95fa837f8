package dev.nemo.scan;

import static dev.nemo.scan.ScanFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFilterTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;

    private static List<String> ids(ScanFilter filter, ModelScanResult... models) {
        return filter.apply(List.of(models)).stream().map(ModelScanResult::id).toList();
    }

    @Test
    void freeMeansAFreeSuffixOrZeroPromptAndCompletionPrices() {
        assertThat(ScanFilter.isFree("a/b:free", null)).isTrue();
        assertThat(ScanFilter.isFree("a/b", new ModelScanResult.Pricing(0.0, 0.0, 0.5, null, null, null))).isTrue();
        assertThat(ScanFilter.isFree("a/b", new ModelScanResult.Pricing(0.0, 0.000001, null, null, null, null))).isFalse();
        assertThat(ScanFilter.isFree("a/b", new ModelScanResult.Pricing(0.0, null, null, null, null, null))).isFalse();
        assertThat(ScanFilter.isFree("a/b", null)).isFalse();
    }

    @Test
    void paidModelsAreDropped() {
        assertThat(ids(new ScanFilter(null, 0, 0, NOW), model("a/free", 1, null, null, true), model("a/paid", 1, null, null, false)))
                .containsExactly("a/free");
    }

    @Test
    void providerKeepsTheIdPrefixBeforeTheFirstSlashIgnoringCase() {
        assertThat(ids(new ScanFilter("Meta-Llama", 0, 0, NOW), model("meta-llama/x", 1, null, null, true),
                model("google/meta-llama", 1, null, null, true), model("meta-llama-x/y", 1, null, null, true)))
                .containsExactly("meta-llama/x");
    }

    @Test
    void minParamsCountsAnUnknownSizeAsZero() {
        assertThat(ids(new ScanFilter(null, 20, 0, NOW), model("a/big", 1, 70.0, null, true),
                model("a/small", 1, 8.0, null, true), model("a/unknown", 1, null, null, true), model("a/exact", 1, 20.0, null, true)))
                .containsExactly("a/big", "a/exact");
    }

    @Test
    void maxAgeDropsOldModelsAndKeepsModelsWithoutADate() {
        assertThat(ids(new ScanFilter(null, 0, 30, NOW), model("a/new", 1, null, NOW - 10 * DAY, true),
                model("a/old", 1, null, NOW - 31 * DAY, true), model("a/undated", 1, null, null, true)))
                .containsExactly("a/new", "a/undated");
    }

    @Test
    void zeroMeansOffForSizeAndAge() {
        assertThat(ids(new ScanFilter(null, 0, 0, NOW), model("a/old-small", 1, 1.0, NOW - 900 * DAY, true)))
                .containsExactly("a/old-small");
    }
}
