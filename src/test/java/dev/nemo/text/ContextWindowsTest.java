package dev.nemo.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContextWindowsTest {
    @Test
    void unknownWindowIsADash() {
        assertEquals("-", ContextWindows.format(null));
    }

    @Test
    void windowsBelow1024AreShownAsIs() {
        assertEquals("1023", ContextWindows.format(1023));
    }

    @Test
    void largerWindowsAreRoundedKibiTokens() {
        assertEquals("1k", ContextWindows.format(1024));
        assertEquals("195k", ContextWindows.format(200_000));
        assertEquals("1023k", ContextWindows.format(1_047_576));
    }
}
