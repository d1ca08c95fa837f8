package dev.nemo.auth;

/** One stored credential: {@code <provider>:<name>} id, normalised provider, optional email. */
public record AuthProfile(String id, String provider, Credential credential, String email) {

    public String type() {
        return credential.type();
    }

    /** True when the credential has something to send (a non-blank key, token, access or refresh, or a key command not run yet). */
    public boolean hasCredential() {
        if (credential instanceof Credential.ApiKey k && k.pendingCommand()) {
            return true;
        }
        if (credential instanceof Credential.OAuth o) {
            return notBlank(o.access()) || notBlank(o.refresh());
        }
        return notBlank(credential.secret());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
