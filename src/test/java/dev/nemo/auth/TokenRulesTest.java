package dev.nemo.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.NemoException;
import dev.nemo.config.NemoConfig;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.providers.ProviderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pasted tokens: a provider with setup tokens checks their shape; others only refuse empty or split tokens. */
class TokenRulesTest {
    private static final String SETUP = "sk-ant-oat01-" + "x".repeat(80);

    private static ProviderDefinition provider(String id) {
        return new ProviderRegistry(NemoConfig.EMPTY).find(id).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
            "anthropic | ''                       | No token given; paste the output of `claude setup-token`.",
            "anthropic | sk-ant-api03-abcdef     | Expected token starting with sk-ant-oat01- (the output of `claude setup-token`).",
            "anthropic | sk-ant-oat01-short      | Token looks too short; paste the full setup-token.",
            "openai    | ''                       | No token given.",
            "openai    | 'tok en'                 | The token contains whitespace; paste it on one line."})
    void aTokenOfTheWrongShapeIsAUsageError(String provider, String raw, String message) {
        assertThatThrownBy(() -> TokenRules.check(provider(provider), raw))
                .isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.kind()).isEqualTo(NemoException.Kind.USAGE))
                .hasMessage(message);
    }

    @Test
    void aSetupTokenLosesTheLineBreaksATerminalPasteAdds() {
        String pasted = "  " + SETUP.substring(0, 40) + "\n" + SETUP.substring(40) + "  ";
        assertThat(TokenRules.check(provider("anthropic"), pasted)).isEqualTo(SETUP);
    }

    @Test
    void aPlainTokenIsOnlyTrimmed() {
        assertThat(TokenRules.check(provider("openai"), "  tok-123\n")).isEqualTo("tok-123");
    }
}
