package dev.nemo.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void s256ChallengeMatchesTheRfc7636Example() {
        // RFC 7636, Appendix B.
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiersAreFortyThreeUnreservedCharactersAndNeverRepeat() {
        String a = Pkce.newVerifier();
        String b = Pkce.newVerifier();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a).isNotEqualTo(b);
        assertThat(Pkce.newState()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(Pkce.newState());
    }
}
