package dev.nemo.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a probe row means for a pipeline, the groups {@code --probe-results} selects: {@code ok};
 * {@code warning} (rate_limit or timeout: the credential may well be fine, {@code --check} exits
 * 2); {@code failed} (any other status, {@code --check} exits 1); {@code skipped} (left out by
 * {@code auth.order}: says nothing about the credential).
 */
public enum ProbeResultKind {
    OK("ok"), WARNING("warning"), FAILED("failed"), SKIPPED("skipped");

    private final String wireName;

    ProbeResultKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static ProbeResultKind of(ProbeResult row) {
        if (row.excludedByOrder()) {
            return SKIPPED;
        }
        if (row.status() == ProbeStatus.OK) {
            return OK;
        }
        return row.status().isTransient() ? WARNING : FAILED;
    }

    public static Optional<ProbeResultKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ProbeResultKind::wireName).toList();
    }
}
