package dev.nemo.auth;

import dev.nemo.config.NemoConfig;

/** One stored credential: {@code <provider>:<name>} id, normalised provider, optional email. */
public record AuthProfile(String id, String provider, Credential credential, String email) {

    public CredentialKind kind() {
        return credential.kind();
    }

    /**
     * The email to show with the profile: the config's {@code auth.profiles.<id>.email} first, as
     * the peer does (it is the user's own note), else the credential's; null when neither has one.
     */
    public String displayEmail(NemoConfig.AuthConfig auth) {
        NemoConfig.ProfileMeta meta = auth.profiles().get(id);
        if (meta != null && meta.email() != null && !meta.email().isBlank()) {
            return meta.email().trim();
        }
        return email != null && !email.isBlank() ? email.trim() : null;
    }

    /** {@code <id> (<email>)} when {@link #displayEmail} knows one, else the id. */
    public String displayLabel(NemoConfig.AuthConfig auth) {
        String shown = displayEmail(auth);
        return shown != null ? id + " (" + shown + ")" : id;
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
