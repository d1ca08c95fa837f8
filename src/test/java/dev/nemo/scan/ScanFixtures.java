package dev.nemo.scan;

/** Scan results built in code for the filter and ranking tests. */
final class ScanFixtures {
    private ScanFixtures() {
    }

    static ModelScanResult model(String id, Integer ctx, Double paramsB, Long createdAtMs, boolean free) {
        ModelScanResult.Pricing pricing = free ? new ModelScanResult.Pricing(0.0, 0.0, null, null, null, null)
                : new ModelScanResult.Pricing(0.000001, 0.000002, null, null, null, null);
        return new ModelScanResult(id, id, "openrouter", "openrouter/" + id, ctx, null, 0, false, "text->text", paramsB,
                createdAtMs, pricing, ScanFilter.isFree(id, pricing), null, null);
    }

    static ModelScanResult probed(String id, Integer ctx, Double paramsB, Long toolMs, Long imageMs) {
        ModelScanResult.Probe tool = toolMs == null ? new ModelScanResult.Probe(false, 5L, "No tool call returned", null, "format")
                : new ModelScanResult.Probe(true, toolMs, null, null, "ok");
        ModelScanResult.Probe image = imageMs == null ? ModelScanResult.Probe.skip() : new ModelScanResult.Probe(true, imageMs, null, null, "ok");
        return model(id, ctx, paramsB, null, true).withProbes(tool, image);
    }
}
