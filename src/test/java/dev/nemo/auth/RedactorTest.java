package dev.nemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {

    @Test
    void knownSecretIsReplacedEverywhere() {
        Redactor r = new Redactor(Set.of("plainsecretvalue"));
        assertEquals("a *** b ***", r.redact("a plainsecretvalue b plainsecretvalue"));
    }

    @Test
    void longerSecretIsReplacedWholeBeforeAShorterOneItContains() {
        Redactor r = new Redactor(Set.of("abcdef", "abcdefghijkl"));
        assertEquals("x *** y", r.redact("x abcdefghijkl y"));
    }

    @Test
    void veryShortValuesAreNotTreatedAsSecrets() {
        Redactor r = new Redactor(Set.of("ab", "  "));
        assertEquals("ab cd", r.redact("ab cd"));
    }

    @Test
    void bearerTokensAreMasked() {
        String out = Redactor.none().redact("Authorization: Bearer abc.def-ghi_123");
        assertFalse(out.contains("abc.def-ghi_123"), out);
    }

    @Test
    void keyQueryParametersAreMasked() {
        String out = Redactor.none().redact("GET https://x/v1/models?key=AIzaSyABCDEFG&alt=json failed");
        assertEquals("GET https://x/v1/models?key=***&alt=json failed", out);
    }

    @Test
    void jsonStyleAssignmentsAreMasked() {
        String out = Redactor.none().redact("{\"api_key\": \"hunter2hunter2\", \"refresh_token\":\"rt-zz\"}");
        assertFalse(out.contains("hunter2hunter2"), out);
        assertFalse(out.contains("rt-zz"), out);
    }

    @Test
    void skStyleTokensAreMasked() {
        String out = Redactor.none().redact("Incorrect API key provided: sk-proj-Abc123Def456Ghi789.");
        assertFalse(out.contains("Abc123Def456"), out);
        assertTrue(out.contains("sk-***"), out);
    }

    @Test
    void longOpaqueTokensAreMasked() {
        String jwtLike = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        String out = Redactor.none().redact("token " + jwtLike + " rejected");
        assertFalse(out.contains("dozjgNryP4J3"), out);
    }

    @Test
    void ordinaryProseIsLeftAlone() {
        String text = "The model claude-opus-4-6 is overloaded, please retry in 30 seconds.";
        assertEquals(text, Redactor.none().redact(text));
    }

    @Test
    void withAddsAnExtraSecret() {
        assertEquals("used ***", Redactor.none().with("onlyforthisprobe").redact("used onlyforthisprobe"));
    }

    @Test
    void nullStaysNull() {
        assertNull(Redactor.none().redact(null));
    }

    private static final String PREFIXED = "sk-ant-api03-Hq7Zt2Lw9Xv4Bn6Mc1Kd8Rj3Pf5Gs0Ty_Ue-Wa";
    private static final String BARE = "Qx7/Lm2+Vb9=Tr4Yp8Kd1Nc6Wz3Hf0";
    private static final Redactor KNOWN = new Redactor(List.of(PREFIXED, BARE));

    /** Every 8-character piece of {@code secret} outside its public vendor prefix. */
    private static void assertNoFragment(String secret, String out) {
        int shown = KeyMask.vendorPrefix(secret).length();
        for (int i = 0; i + Redactor.FRAGMENT <= secret.length(); i++) {
            if (i + Redactor.FRAGMENT > shown) {
                assertFalse(out.contains(secret.substring(i, i + Redactor.FRAGMENT)), "piece at " + i + " in: " + out);
            }
        }
    }

    static Stream<Arguments> cuts() {
        return Stream.of(PREFIXED, BARE).flatMap(secret -> IntStream.rangeClosed(Redactor.FRAGMENT, secret.length())
                .mapToObj(n -> Arguments.of(secret, n)));
    }

    @ParameterizedTest(name = "{0} cut to {1}")
    @MethodSource("cuts")
    void aPrefixOrSuffixOfAKnownSecretIsMaskedAtEveryLength(String secret, int length) {
        String prefix = secret.substring(0, length);
        String suffix = secret.substring(secret.length() - length);
        String out = KNOWN.redact("Incorrect key " + prefix + "…\nkey ending " + suffix + " refused; or " + prefix);
        assertNoFragment(secret, out);
        assertTrue(out.startsWith("Incorrect key "), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void aKnownSecretEchoedInAnyFormIsMasked(String form, String text, String secret) {
        String out = KNOWN.redact(text);
        assertNoFragment(secret, out);
        assertFalse(out.contains(URLEncoder.encode(secret, StandardCharsets.UTF_8).substring(8, 16)), out);
    }

    static Stream<Arguments> echoes() {
        String urlBare = URLEncoder.encode(BARE, StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("whole", "Incorrect API key provided: " + PREFIXED + ".", PREFIXED),
                Arguments.of("without vendor prefix", "key " + PREFIXED.substring(13) + " is invalid", PREFIXED),
                Arguments.of("url-encoded", "GET /v1/models?k=" + urlBare + "&alt=json failed", BARE),
                Arguments.of("url-encoded with %20", "key " + urlBare.replace("+", "%20") + " failed", BARE),
                Arguments.of("json-escaped", "{\"detail\": \"" + BARE.replace("/", "\\/") + "\"}", BARE),
                Arguments.of("inside json", "{\"error\":{\"key\":\"" + PREFIXED + "\"}}", PREFIXED),
                Arguments.of("glued to words", "abc" + PREFIXED + "def", PREFIXED),
                Arguments.of("twice", PREFIXED + PREFIXED, PREFIXED));
    }

    @Test
    void aMaskedKeyKeepsItsVendorPrefix() {
        assertEquals("Incorrect API key provided: sk-ant-***.", KNOWN.redact("Incorrect API key provided: " + PREFIXED + "."));
    }

    @Test
    void withDoesNotChangeTheRedactorItCameFrom() {
        Redactor base = new Redactor(List.of(PREFIXED));
        Redactor more = base.with("onlyforthisprobe-value");
        assertEquals("x ***", more.redact("x onlyforthisprobe-value"));
        assertEquals("x onlyforthisprobe-value", base.redact("x onlyforthisprobe-value"));
        assertEquals("x sk-ant-***", more.redact("x " + PREFIXED));
    }

    @Test
    void manyAddedSecretsAreAllKnown() {
        Redactor r = Redactor.none();
        for (int i = 0; i < 40; i++) {
            r = r.with("added-secret-number-" + i + "-Zx");
        }
        for (int i = 0; i < 40; i++) {
            assertEquals("k ***", r.redact("k added-secret-number-" + i + "-Zx"));
        }
    }

    @Test
    void aLongRunOfTokenCharactersIsHandledInOnePass() {
        // Was quadratic with a look-ahead regex; now each character is looked at a few times.
        String run = "a-".repeat(200_000);
        assertEquals(run, Redactor.none().redact(run));
    }

    @Test
    void bearerAfterAnAuthorizationHeaderIsMasked() {
        String out = Redactor.none().redact("authorization: Bearer abcdefgh12");
        assertFalse(out.contains("abcdefgh12"), out);
    }

    @Test
    void redactingToALengthRedactsFirstAndNeverCutsInsideAMask() {
        String text = "x".repeat(30) + " " + PREFIXED + " tail";
        String out = KNOWN.redact(text, 40);
        assertNoFragment(PREFIXED, out);
        assertEquals("x".repeat(30) + " sk-ant-***…", out);
    }
}
