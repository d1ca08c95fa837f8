package dev.nemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyMaskTest {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE64URL = ALNUM + "-_";
    private static final String HEX = "0123456789abcdef";

    private static String random(Random r, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** The masked key must not contain any 6 consecutive characters of the key's random part. */
    private static void assertHidesRandomPart(String masked, String randomPart) {
        for (int i = 0; i + 6 <= randomPart.length(); i++) {
            String piece = randomPart.substring(i, i + 6);
            assertFalse(masked.contains(piece), "'" + masked + "' reveals '" + piece + "' of the random part");
        }
    }

    @Test
    void anthropicKeyShowsOnlyItsVendorPrefix() {
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            String random = random(r, BASE64URL, 95);
            String masked = KeyMask.mask("sk-ant-api03-" + random);
            assertEquals("sk-ant-***", masked);
            assertHidesRandomPart(masked, random);
        }
    }

    @Test
    void openRouterKeyShowsOnlyItsVendorPrefix() {
        Random r = new Random(2);
        for (int i = 0; i < 200; i++) {
            String random = random(r, HEX, 64);
            String masked = KeyMask.mask("sk-or-v1-" + random);
            assertEquals("sk-or-***", masked);
            assertHidesRandomPart(masked, random);
        }
    }

    @Test
    void groqKeyShowsOnlyItsVendorPrefix() {
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            String random = random(r, ALNUM, 52);
            String masked = KeyMask.mask("gsk_" + random);
            assertEquals("gsk_***", masked);
            assertHidesRandomPart(masked, random);
        }
    }

    @Test
    void googleKeyShowsOnlyAIza() {
        Random r = new Random(4);
        for (int i = 0; i < 200; i++) {
            String random = random(r, BASE64URL, 35);
            String masked = KeyMask.mask("AIza" + random);
            assertEquals("AIza***", masked);
            assertHidesRandomPart(masked, random);
        }
    }

    @Test
    void openAiProjectKeyShowsOnlyItsVendorPrefix() {
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            String random = random(r, BASE64URL, 120);
            String masked = KeyMask.mask("sk-proj-" + random);
            assertEquals("sk-proj-***", masked);
            assertHidesRandomPart(masked, random);
        }
    }

    @Test
    void plainSkKeyWithBase64UrlBodyRevealsNoRandomPart() {
        Random r = new Random(6);
        for (int i = 0; i < 2000; i++) {
            String random = random(r, BASE64URL, 48);
            assertHidesRandomPart(KeyMask.mask("sk-" + random), random);
        }
    }

    @Test
    void opaqueBase64UrlKeyRevealsNoMoreThanAShortPrefix() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String key = random(r, BASE64URL, 40);
            assertHidesRandomPart(KeyMask.mask(key), key);
        }
    }

    @Test
    void mixedCaseWordFollowedByASeparatorIsNotAVendorPrefix() {
        assertHidesRandomPart(KeyMask.mask("Xk9dQwZ_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7"), "Xk9dQwZ_aB3dE5fG7hJ9kL1mN3pQ5rS7");
        assertHidesRandomPart(KeyMask.mask("AbCdEfG_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7"), "AbCdEfG_aB3dE5fG7hJ9kL1mN3pQ5rS7");
    }

    @Test
    void shortKeysAreFullyMasked() {
        assertEquals("***", KeyMask.mask("abc123"));
        assertEquals("***", KeyMask.mask("sk-short1"));
        assertEquals("***", KeyMask.mask("gsk_12345"));
        assertEquals("***", KeyMask.mask("0123456789abcdefghi"));
    }

    @Test
    void absentKeyIsMissing() {
        assertEquals("missing", KeyMask.mask(null));
        assertEquals("missing", KeyMask.mask("   "));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals("gsk_***", KeyMask.mask("  gsk_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6" + "\n"));
    }
}
