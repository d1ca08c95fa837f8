package dev.nemo.auth;

import dev.nemo.text.PrintableText;
import dev.nemo.NemoException;
import java.util.regex.Pattern;

/** Profile ids are {@code <provider>:<name>}; the provider part must be the profile's provider. */
public final class ProfileId {
    private static final Pattern NAME = Pattern.compile("[^\\s:][^\\s]*");

    private ProfileId() {
    }

    public static String of(String provider, String given, String defaultName) {
        if (given == null || given.isBlank()) {
            return provider + ":" + defaultName;
        }
        String id = given.trim();
        int colon = id.indexOf(':');
        if (colon <= 0 || !NAME.matcher(id.substring(colon + 1)).matches()) {
            throw NemoException.usage("Invalid profile id " + PrintableText.quote(given) + ": expected <provider>:<name>, e.g. " + provider + ":work");
        }
        String prefix = dev.nemo.config.ProviderId.normalize(id.substring(0, colon));
        if (!prefix.equals(provider)) {
            throw NemoException.usage("Profile id " + PrintableText.quote(given) + " is for provider " + prefix + ", not " + provider);
        }
        return prefix + id.substring(colon);
    }
}
