package dev.nemo.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of credential, by the wire names the store, the config's {@code auth.profiles.*.mode},
 * probe rows and JSON output use. (The config parser, a layer below, checks modes against the
 * same three names.)
 */
@RegisterForReflection
public enum CredentialKind {
    API_KEY("api_key"), TOKEN("token"), OAUTH("oauth");

    private final String wireName;

    CredentialKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Empty for a name that is no credential kind (an entry nemo skips with a warning). */
    public static Optional<CredentialKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** Whether credentials of this kind can expire (api keys never do). */
    public boolean expires() {
        return this != API_KEY;
    }
}
