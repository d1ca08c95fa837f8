package dev.nemo.auth;

/** One stored credential: {@code <provider>:<name>} id, normalised provider, optional email. */
public record AuthProfile(String id, String provider, Credential credential, String email) {

    public CredentialKind kind() {
        return credential.kind();
    }

    /** True when the credential has something to send (a non-blank key, token, access or refresh). */
    public boolean hasCredential() {
        if (credential instanceof Credential.OAuth o) {
            return notBlank(o.access()) || notBlank(o.refresh());
        }
        return notBlank(credential.secret());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
