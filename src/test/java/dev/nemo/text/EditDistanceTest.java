package dev.nemo.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({"fake, fake, 0", "fkae, fake, 1", "opneai, openai, 1", "anthropc, anthropic, 1", "groq, xai, 4", "'', abc, 3"})
    void countsEditsWithNeighbourSwapsAsOne(String a, String b, int distance) {
        assertThat(EditDistance.between(a, b)).isEqualTo(distance);
    }

    @Test
    void suggestsTheClosestChoiceOnlyWhenItIsCloseEnough() {
        List<String> providers = List.of("anthropic", "openai", "openrouter");
        assertThat(EditDistance.closest("opnai", providers)).contains("openai");
        assertThat(EditDistance.closest("OpenRuter", providers)).contains("openrouter");
        assertThat(EditDistance.closest("mistral", providers)).isEmpty();
    }
}
