package dev.nemo.auth;

/** The three kinds of stored credential; {@link #secret()} is what a request sends. */
public sealed interface Credential permits Credential.ApiKey, Credential.Token, Credential.OAuth {

    /** The wire name used in files and JSON ({@code api_key}, {@code token}, {@code oauth}). */
    String type();

    /** The value a request authenticates with, or null when the credential is absent. */
    String secret();

    /** Expiry in ms since the epoch, or null when none is recorded. */
    default Long expires() {
        return null;
    }

    record ApiKey(String key) implements Credential {
        public String type() {
            return "api_key";
        }

        public String secret() {
            return key;
        }
    }

    /** A static bearer token (e.g. an Anthropic setup token); cannot be refreshed. */
    record Token(String token, Long expires) implements Credential {
        public String type() {
            return "token";
        }

        public String secret() {
            return token;
        }
    }

    record OAuth(String access, String refresh, Long expires, String clientId, String accountId, String projectId,
                 String enterpriseUrl) implements Credential {
        public String type() {
            return "oauth";
        }

        public String secret() {
            return access;
        }

        public boolean refreshable() {
            return refresh != null && !refresh.isBlank();
        }
    }
}
