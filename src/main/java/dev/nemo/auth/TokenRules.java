package dev.nemo.auth;

import dev.nemo.NemoException;
import dev.nemo.providers.ProviderDefinition;

/** What a pasted token must look like, per provider (reference §2.7). */
public final class TokenRules {
    private TokenRules() {
    }

    /**
     * Normalises and checks a pasted token: trimmed; for a provider with setup tokens every
     * whitespace a terminal paste may add is removed, and the prefix and length are checked.
     */
    public static String check(ProviderDefinition provider, String raw) {
        String token = raw == null ? "" : raw.trim();
        if (provider.setupToken().isPresent()) {
            ProviderDefinition.SetupToken rules = provider.setupToken().get();
            token = token.replaceAll("\\s+", "");
            if (token.isEmpty()) {
                throw NemoException.usage("No token given; paste the output of `" + rules.command() + "`.");
            }
            if (!rules.issued(token)) {
                throw NemoException.usage("Expected token starting with " + rules.prefix() + " (the output of `"
                        + rules.command() + "`).");
            }
            if (token.length() < rules.minLength()) {
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
}
