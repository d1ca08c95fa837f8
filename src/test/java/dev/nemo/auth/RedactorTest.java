package dev.nemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
