package dev.nemo.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParamInferenceTest {
    @Test
    void sizeStandingAloneInTheIdIsTheParameterCount() {
        assertThat(ParamInference.inferB("meta-llama/llama-3.3-70b-instruct:free")).isEqualTo(70.0);
    }

    @Test
    void decimalSizesAreKept() {
        assertThat(ParamInference.inferB("qwen/qwen2.5-1.5b-instruct")).isEqualTo(1.5);
    }

    @Test
    void aOneLetterPrefixStillCounts() {
        assertThat(ParamInference.inferB("google/gemma-3n-e4b-it:free")).isEqualTo(4.0);
    }

    @Test
    void theLargestMentionWins() {
        assertThat(ParamInference.inferB("qwen/qwen3-235b-a22b:free")).isEqualTo(235.0);
    }

    @Test
    void theNameIsReadWhenTheIdSaysNothing() {
        assertThat(ParamInference.inferB("deepseek/deepseek-chat:free", "DeepSeek V3 671B")).isEqualTo(671.0);
    }

    @Test
    void sizesGluedToOtherWordsOrMixturesSayNothing() {
        assertThat(ParamInference.inferB("mistralai/mixtral-8x7b", "nvidia/b200-chat", "openai/gpt-4o")).isNull();
    }

    @Test
    void formatsWholeAndDecimalSizesAndUnknown() {
        assertThat(ParamInference.format(70.0)).isEqualTo("70b");
        assertThat(ParamInference.format(1.5)).isEqualTo("1.5b");
        assertThat(ParamInference.format(null)).isEqualTo("-");
    }
}
