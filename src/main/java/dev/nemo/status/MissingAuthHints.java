package dev.nemo.status;

import dev.nemo.providers.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line per provider in use without auth, saying how to add it. */
public final class MissingAuthHints {
    private MissingAuthHints() {
    }

    public static Map<String, String> of(List<String> providers, ProviderRegistry registry) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (String p : providers) {
            List<String> vars = registry.envVars(p);
            String paste = "`nemo models auth paste-token --provider " + p + "`";
            if (p.equals("anthropic")) {
                hints.put(p, "Run `claude setup-token`, then `nemo models auth setup-token`; or set ANTHROPIC_API_KEY.");
            } else if (!vars.isEmpty()) {
                hints.put(p, "Set " + vars.get(vars.size() - 1) + " or run " + paste + ".");
            } else {
                hints.put(p, "Run " + paste + " or set models.providers." + p + ".apiKey in the config.");
            }
        }
        return hints;
    }
}
