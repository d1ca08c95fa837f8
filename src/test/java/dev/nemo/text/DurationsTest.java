package dev.nemo.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DurationsTest {
    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;

    @Test
    void unknownWhenAbsent() {
        assertEquals("unknown", Durations.remainingShort(null));
    }

    @Test
    void zeroOrPastIsZeroMinutes() {
        assertEquals("0m", Durations.remainingShort(0L));
        assertEquals("0m", Durations.remainingShort(-5 * HOUR));
    }

    @Test
    void atLeastOneMinute() {
        assertEquals("1m", Durations.remainingShort(1L));
    }

    @Test
    void minutesAreRounded() {
        assertEquals("2m", Durations.remainingShort(90_000L));
        assertEquals("59m", Durations.remainingShort(59 * MIN + 29_000));
    }

    @Test
    void anHourOrMoreIsShownInRoundedHours() {
        assertEquals("1h", Durations.remainingShort(60 * MIN));
        assertEquals("3h", Durations.remainingShort(3 * HOUR - 30 * 1000));
        assertEquals("2h", Durations.remainingShort(90 * MIN));
        assertEquals("47h", Durations.remainingShort(47 * HOUR));
    }

    @Test
    void fortyEightHoursOrMoreIsShownInDays() {
        assertEquals("2d", Durations.remainingShort(48 * HOUR));
        assertEquals("6d", Durations.remainingShort(6 * 24 * HOUR));
    }

    @Test
    void latencyFormats() {
        assertEquals("-", Durations.latency(null));
        assertEquals("812ms", Durations.latency(812L));
        assertEquals("1.2s", Durations.latency(1234L));
        assertEquals("8s", Durations.latency(8000L));
    }
}
