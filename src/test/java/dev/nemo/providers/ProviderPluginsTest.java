package dev.nemo.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.NemoConfig;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Plugins are CDI beans found at build time: a new provider is one class. */
@QuarkusTest
class ProviderPluginsTest {

    @Test
    void aPluginBeanAddsItsProviders() {
        ProviderRegistry registry = new ProviderRegistry(NemoConfig.EMPTY);
        ProviderDefinition deepinfra = registry.find("deepinfra").orElseThrow();
        assertThat(deepinfra.envVars()).containsExactly("DEEPINFRA_API_KEY");
        assertThat(deepinfra.baseUrl()).isEqualTo("https://api.deepinfra.com/v1/openai");
    }

    @Test
    void builtInsComeFirstAndCannotBeShadowed() {
        ProviderRegistry registry = new ProviderRegistry(NemoConfig.EMPTY);
        assertThat(registry.all().get(0).id()).isEqualTo("anthropic");
        assertThat(registry.find("anthropic").orElseThrow().envVars()).containsExactly("ANTHROPIC_OAUTH_TOKEN", "ANTHROPIC_API_KEY");
        assertThat(registry.all()).hasSize(BuiltinProviders.DEFINITIONS.size() + 1);
    }
}
