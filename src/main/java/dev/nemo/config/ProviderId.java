package dev.nemo.config;

import java.util.Locale;
import java.util.Map;

/** Provider id normalisation: trimmed, lower-cased, with the peer's historical aliases folded. */
public final class ProviderId {
    private static final Map<String, String> ALIASES = Map.of(
            "z.ai", "zai",
            "z-ai", "zai",
            "opencode-zen", "opencode",
            "qwen", "qwen-portal",
            "kimi-code", "kimi-coding");

    private ProviderId() {
    }

    public static String normalize(String raw) {
        String id = raw.trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(id, id);
    }
}
