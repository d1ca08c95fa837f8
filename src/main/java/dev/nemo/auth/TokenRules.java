package dev.nemo.auth;

import dev.nemo.NemoException;

/** What a pasted token must look like, per provider (reference §2.7). */
public final class TokenRules {
    static final String ANTHROPIC_SETUP_PREFIX = "sk-ant-oat01-";
    static final int ANTHROPIC_MIN_LENGTH = 80;

    private TokenRules() {
    }

    /** Normalises (trims; for Anthropic removes all whitespace a terminal paste may add) and checks. */
    public static String check(String provider, String raw) {
        String token = raw == null ? "" : raw.trim();
        if (provider.equals("anthropic")) {
            token = token.replaceAll("\\s+", "");
            if (token.isEmpty()) {
                throw NemoException.usage("No token given; paste the output of `claude setup-token`.");
            }
            if (!token.startsWith(ANTHROPIC_SETUP_PREFIX)) {
                throw NemoException.usage("Expected token starting with " + ANTHROPIC_SETUP_PREFIX + " (the output of `claude setup-token`).");
            }
            if (token.length() < ANTHROPIC_MIN_LENGTH) {
                throw NemoException.usage("Token looks too short; paste the full setup-token.");
            }
            return token;
        }
        if (token.isEmpty()) {
            throw NemoException.usage("No token given.");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw NemoException.usage("The token contains whitespace; paste it on one line.");
        }
        return token;
    }

    /** What {@link #check} accepts for {@code provider}, to say before asking for a token. */
    public static String rule(String provider) {
        return provider.equals("anthropic")
                ? "A setup token for anthropic starts with " + ANTHROPIC_SETUP_PREFIX + " and is at least " + ANTHROPIC_MIN_LENGTH
                        + " characters long (the output of `claude setup-token`); line breaks from pasting are removed."
                : "A token is one line without spaces.";
    }
}
