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

    private static final java.util.List<String> NAMES = java.util.List.of("meta-llama/llama-3.3-70b:free",
            "moonshotai/kimi-k2:free", "mistralai/mistral-7b:free");

    @Test
    void anOptionMayBePickedByItsName() {
        assertThat(OrderedChoice.parse("moonshotai/kimi-k2:free 1", NAMES, error).orElseThrow().picked()).containsExactly(1, 0);
    }

    @Test
    void aWordThatIsNoNameSuggestsTheOptionItMeant() {
        assertThat(OrderedChoice.parse("kimi", NAMES, error)).isEmpty();
        assertThat(error[0]).isEqualTo("\"kimi\" is not a number from the list; did you mean 2 (moonshotai/kimi-k2:free)?; "
                + "type numbers, e.g. 2 1");
        assertThat(OrderedChoice.parse("mistralai/mistral-7b:fre", NAMES, error)).isEmpty();
        assertThat(error[0]).contains("did you mean 3 (mistralai/mistral-7b:free)?");
        assertThat(OrderedChoice.parse("free", NAMES, error)).isEmpty();
        assertThat(error[0]).as("three options contain it: no guess").doesNotContain("did you mean");
    }
}
