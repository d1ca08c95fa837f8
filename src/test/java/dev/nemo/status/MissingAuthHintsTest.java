package dev.nemo.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.NemoConfig;
import dev.nemo.providers.ProviderRegistry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How to add auth, per provider: its setup token, else its key variable, else paste-token or the config. */
class MissingAuthHintsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "anthropic | Run `claude setup-token`, then `nemo models auth setup-token`; or set ANTHROPIC_API_KEY.",
            "openai    | Set OPENAI_API_KEY or run `nemo models auth paste-token --provider openai`.",
            "acme      | Run `nemo models auth paste-token --provider acme` or set models.providers.acme.apiKey in the config."})
    void eachProviderGetsTheHintItsCapabilitiesAllow(String provider, String hint) {
        assertThat(MissingAuthHints.of(List.of(provider), new ProviderRegistry(NemoConfig.EMPTY))).containsEntry(provider, hint);
    }
}
