package dev.nemo.providers;

import java.util.Arrays;
import java.util.Optional;

/** The wire protocols nemo can probe, by their config names. */
public enum ApiStyle {
    OPENAI_COMPLETIONS("openai-completions"),
    OPENAI_RESPONSES("openai-responses"),
    ANTHROPIC_MESSAGES("anthropic-messages"),
    GOOGLE_GENERATIVE_AI("google-generative-ai"),
    MISTRAL_CONVERSATIONS("mistral-conversations");

    private final String wireName;

    ApiStyle(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Empty for styles nemo cannot probe (vendor SDKs such as bedrock or vertex). */
    public static Optional<ApiStyle> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
