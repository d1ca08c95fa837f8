package dev.nemo.scan;

import java.util.List;
import java.util.Locale;

/**
 * Which catalogue models a scan keeps (reference §2.6 step 3): free ones only, then the id
 * prefix, the minimum size (unknown size counts as 0) and the maximum age (unknown age passes).
 */
public record ScanFilter(String providerPrefix, double minParamsB, double maxAgeDays, long now) {
    private static final long DAY_MS = 86_400_000L;

    /** Free: the id ends with {@code :free}, or both prompt and completion are priced 0. */
    public static boolean isFree(String id, ModelScanResult.Pricing pricing) {
        if (id.endsWith(":free")) {
            return true;
        }
        return pricing != null && pricing.prompt() != null && pricing.completion() != null
                && pricing.prompt() == 0 && pricing.completion() == 0;
    }

    public List<ModelScanResult> apply(List<ModelScanResult> models) {
        return models.stream().filter(this::keeps).toList();
    }

    public boolean keeps(ModelScanResult m) {
        if (!m.isFree()) {
            return false;
        }
        if (providerPrefix != null) {
            int slash = m.id().indexOf('/');
            String prefix = slash < 0 ? "" : m.id().substring(0, slash).toLowerCase(Locale.ROOT);
            if (!prefix.equals(providerPrefix.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (minParamsB > 0 && (m.inferredParamB() == null ? 0 : m.inferredParamB()) < minParamsB) {
            return false;
        }
        return maxAgeDays <= 0 || m.createdAtMs() == null || now - m.createdAtMs() <= maxAgeDays * DAY_MS;
    }
}
