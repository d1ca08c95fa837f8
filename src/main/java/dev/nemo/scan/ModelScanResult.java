package dev.nemo.scan;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One catalogue model as {@code models scan} reports it (the peer's {@code ModelScanResult}):
 * identity, metadata from {@code /models}, pricing, and the tool and image probe results
 * (null until probed).
 */
@RegisterForReflection(targets = {ModelScanResult.class, ModelScanResult.Pricing.class, ModelScanResult.Probe.class})
public record ModelScanResult(String id, String name, String provider, String modelRef, Integer contextLength,
                              Integer maxCompletionTokens, int supportedParametersCount, boolean supportsToolsMeta,
                              String modality, Double inferredParamB, Long createdAtMs, Pricing pricing, boolean isFree,
                              Probe tool, Probe image) {

    /** Prices per token (or per request/image) as the catalogue states them; null when not stated. */
    public record Pricing(Double prompt, Double completion, Double request, Double image, Double webSearch,
                          Double internalReasoning) {
    }

    /**
     * One probe's result: {@code ok}, the latency, a redacted error; {@code skipped} when the probe
     * was not sent (image probe of a text-only model). {@code status} is nemo's probe status.
     */
    public record Probe(boolean ok, Long latencyMs, String error, Boolean skipped, String status) {
        public static Probe skip() {
            return new Probe(false, null, null, Boolean.TRUE, null);
        }

        public boolean isSkipped() {
            return Boolean.TRUE.equals(skipped);
        }
    }

    public ModelScanResult withProbes(Probe toolResult, Probe imageResult) {
        return new ModelScanResult(id, name, provider, modelRef, contextLength, maxCompletionTokens, supportedParametersCount,
                supportsToolsMeta, modality, inferredParamB, createdAtMs, pricing, isFree, toolResult, imageResult);
    }

    public boolean toolOk() {
        return tool != null && tool.ok();
    }

    public boolean imageOk() {
        return image != null && image.ok();
    }

    /** True when the input side of the modality ({@code text+image->text}) takes images. */
    public boolean acceptsImages() {
        if (modality == null) {
            return false;
        }
        int arrow = modality.indexOf("->");
        String input = arrow >= 0 ? modality.substring(0, arrow) : modality;
        return input.toLowerCase(java.util.Locale.ROOT).contains("image");
    }
}
