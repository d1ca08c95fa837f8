package dev.nemo.probe;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of one probe, with the peer's wire names. */
@io.quarkus.runtime.annotations.RegisterForReflection
public enum ProbeStatus {
    OK("ok"), AUTH("auth"), RATE_LIMIT("rate_limit"), BILLING("billing"), TIMEOUT("timeout"), FORMAT("format"),
    UNKNOWN("unknown"), NO_MODEL("no_model");

    private final String wireName;

    ProbeStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Transient trouble: the credential may well be fine (exit 2 with --check, not 1). */
    public boolean isTransient() {
        return this == RATE_LIMIT || this == TIMEOUT;
    }
}
