package dev.nemo.scan;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Order and preselection of scan results (reference §2.6 steps 5 and 8). Latency counts only for
 * a probe that passed: a failed or unprobed model sorts after every working one.
 */
public final class ScanRanking {
    private ScanRanking() {
    }

    /** Image-ok first, then tool latency (unknown last), context (desc), size (desc), ref. */
    public static final Comparator<ModelScanResult> MAIN = Comparator
            .comparing((ModelScanResult m) -> m.imageOk() ? 0 : 1)
            .thenComparingLong(m -> m.toolOk() && m.tool().latencyMs() != null ? m.tool().latencyMs() : Long.MAX_VALUE)
            .thenComparing(ScanRanking::byContextThenSizeThenRef);

    /** Image latency (unknown last), context (desc), size (desc), ref. */
    public static final Comparator<ModelScanResult> IMAGE = Comparator
            .comparingLong((ModelScanResult m) -> m.imageOk() && m.image().latencyMs() != null ? m.image().latencyMs() : Long.MAX_VALUE)
            .thenComparing(ScanRanking::byContextThenSizeThenRef);

    private static int byContextThenSizeThenRef(ModelScanResult a, ModelScanResult b) {
        int ctx = Integer.compare(b.contextLength() == null ? 0 : b.contextLength(), a.contextLength() == null ? 0 : a.contextLength());
        if (ctx != 0) {
            return ctx;
        }
        int size = Double.compare(b.inferredParamB() == null ? 0 : b.inferredParamB(), a.inferredParamB() == null ? 0 : a.inferredParamB());
        return size != 0 ? size : a.modelRef().compareTo(b.modelRef());
    }

    public static List<ModelScanResult> sorted(List<ModelScanResult> results) {
        return results.stream().sorted(MAIN).toList();
    }

    /** Tool-ok models in main order: fallback candidates. */
    public static List<ModelScanResult> toolCandidates(List<ModelScanResult> results) {
        return results.stream().filter(ModelScanResult::toolOk).sorted(MAIN).toList();
    }

    /** Image-ok models in image order: image fallback candidates. */
    public static List<ModelScanResult> imageCandidates(List<ModelScanResult> results) {
        return results.stream().filter(ModelScanResult::imageOk).sorted(IMAGE).toList();
    }

    /** The first {@code max} tool-ok models, those also image-ok first. */
    public static List<ModelScanResult> preselect(List<ModelScanResult> results, int max) {
        List<ModelScanResult> tools = toolCandidates(results);
        return Stream.concat(tools.stream().filter(ModelScanResult::imageOk), tools.stream().filter(m -> !m.imageOk()))
                .limit(max).toList();
    }

    /** The first {@code max} image-ok models. */
    public static List<ModelScanResult> preselectImages(List<ModelScanResult> results, int max) {
        return imageCandidates(results).stream().limit(max).toList();
    }
}
