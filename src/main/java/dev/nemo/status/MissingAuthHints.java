package dev.nemo.status;

import dev.nemo.models.ModelRef;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.providers.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One line per provider in use without auth, saying how to add it. */
public final class MissingAuthHints {
    private MissingAuthHints() {
    }

    public static Map<String, String> of(List<String> providers, ProviderRegistry registry) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (String p : providers) {
            List<String> vars = registry.envVars(p);
            String paste = "`nemo models auth paste-token --provider " + p + "`";
            Optional<ProviderDefinition.SetupToken> setupToken = registry.find(p).flatMap(ProviderDefinition::setupToken);
            if (setupToken.isPresent()) {
                String command = "nemo models auth setup-token" + (p.equals(ModelRef.DEFAULT_PROVIDER) ? "" : " --provider " + p);
                hints.put(p, "Run `" + setupToken.get().command() + "`, then `" + command + "`"
                        + (vars.isEmpty() ? "." : "; or set " + vars.get(vars.size() - 1) + "."));
            } else if (!vars.isEmpty()) {
                hints.put(p, "Set " + vars.get(vars.size() - 1) + " or run " + paste + ".");
            } else {
                hints.put(p, "Run " + paste + " or set models.providers." + p + ".apiKey in the config.");
            }
        }
        return hints;
    }
}
