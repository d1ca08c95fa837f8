package dev.nemo.auth;

/** The three kinds of stored credential ({@link CredentialKind}); {@link #secret()} is what a request sends. */
public sealed interface Credential permits Credential.ApiKey, Credential.Token, Credential.OAuth {

    CredentialKind kind();

    /** The value a request authenticates with, or null when the credential is absent. */
    String secret();

    /** Expiry in ms since the epoch, or null when none is recorded. */
    default Long expires() {
        return null;
    }

    record ApiKey(String key) implements Credential {
        public CredentialKind kind() {
            return CredentialKind.API_KEY;
        }

        public String secret() {
            return key;
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
    }
}
