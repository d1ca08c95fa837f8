package dev.nemo.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderedChoiceTest {
    private final String[] error = new String[1];

    @Test
    void numbersPickOptionsInTheOrderTyped() {
        assertThat(OrderedChoice.parse("3 1,2", 3, error).orElseThrow().picked()).containsExactly(2, 0, 1);
    }

    @Test
    void anEmptyAnswerKeepsThePreselection() {
        assertThat(OrderedChoice.parse("  ", 3, error).orElseThrow().keep()).isTrue();
    }

    @Test
    void qOrEndOfInputCancels() {
        assertThat(OrderedChoice.parse("q", 3, error).orElseThrow().cancel()).isTrue();
        assertThat(OrderedChoice.parse(null, 3, error).orElseThrow().cancel()).isTrue();
    }

    @Test
    void aDashSelectsNothing() {
        assertThat(OrderedChoice.parse("-", 3, error).orElseThrow().picked()).isEmpty();
    }

    @Test
    void repeatedNumbersCountOnce() {
        assertThat(OrderedChoice.parse("2 2 1", 3, error).orElseThrow().picked()).containsExactly(1, 0);
    }

    @Test
    void outOfRangeOrWordsAreRefusedWithAReason() {
        assertThat(OrderedChoice.parse("4", 3, error)).isEmpty();
        assertThat(error[0]).contains("1-3");
        assertThat(OrderedChoice.parse("two", 3, error)).isEmpty();
        assertThat(error[0]).contains("not a number");
    }
}
