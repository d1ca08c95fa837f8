package dev.nemo.auth;

/**
 * The three kinds of stored credential ({@link CredentialKind}); {@link #secret()} is what a
 * request sends. No {@code toString} shows a secret (they end up in logs and debug traces).
 */
public sealed interface Credential permits Credential.ApiKey, Credential.Token, Credential.OAuth {

    CredentialKind kind();

    /** The value a request authenticates with, or null when the credential is absent. */
    String secret();

    /** Expiry in ms since the epoch, or null when none is recorded. */
    default Long expires() {
        return null;
    }

    /**
     * An API key; {@code command} is set instead of {@code key} when the key is a {@code !command}
     * not run yet (it runs only for the commands that send the key; see {@link KeyCommand}).
     */
    record ApiKey(String key, KeyCommand command) implements Credential {
        public ApiKey(String key) {
            this(key, null);
        }

        public CredentialKind kind() {
            return CredentialKind.API_KEY;
        }

        public String secret() {
            return key;
        }

        public boolean pendingCommand() {
            return key == null && command != null;
        }

        @Override
        public String toString() {
            return "ApiKey[key=" + KeyMask.mask(key) + (command != null ? ", command=" + command : "") + "]";
        }
    }

    /** A static bearer token (e.g. an Anthropic setup token); cannot be refreshed. */
    record Token(String token, Long expires) implements Credential {
        public CredentialKind kind() {
            return CredentialKind.TOKEN;
        }

        public String secret() {
            return token;
        }

        @Override
        public String toString() {
            return "Token[token=" + KeyMask.mask(token) + ", expires=" + expires + "]";
        }
    }

    record OAuth(String access, String refresh, Long expires, String clientId, String accountId, String projectId,
                 String enterpriseUrl) implements Credential {
        public CredentialKind kind() {
            return CredentialKind.OAUTH;
        }

        public String secret() {
            return access;
        }

        public boolean refreshable() {
            return refresh != null && !refresh.isBlank();
        }

        @Override
        public String toString() {
            return "OAuth[access=" + (access == null ? "missing" : "***") + ", refresh=" + (refresh == null ? "missing" : "***")
                    + ", expires=" + expires + ", clientId=" + clientId + ", accountId=" + accountId + ", projectId=" + projectId
                    + ", enterpriseUrl=" + enterpriseUrl + "]";
        }
    }
}
