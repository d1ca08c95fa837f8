package dev.nemo.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a probe row actually sent: a completion, or the provider's zero-token free check. */
@RegisterForReflection
public enum ProbeMethod {
    COMPLETION("completion"), FREE("free");

    private final String wireName;

    ProbeMethod(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
