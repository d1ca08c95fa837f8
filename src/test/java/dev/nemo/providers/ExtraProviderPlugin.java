package dev.nemo.providers;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** A plugin as a contributor would write one: one class, one annotation. */
@ApplicationScoped
public class ExtraProviderPlugin implements ProviderPlugin {
    @Override
    public List<ProviderDefinition> providers() {
        return List.of(
                new ProviderDefinition("deepinfra", List.of("DEEPINFRA_API_KEY"), ApiStyle.OPENAI_COMPLETIONS,
                        "https://api.deepinfra.com/v1/openai", Map.of(), true, null),
                // A plugin cannot shadow a built-in: built-ins come first and the first id wins.
                new ProviderDefinition("anthropic", List.of("SHADOW_KEY"), ApiStyle.OPENAI_COMPLETIONS, "https://shadow.invalid",
                        Map.of(), true, null));
    }
}
