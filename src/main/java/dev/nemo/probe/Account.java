package dev.nemo.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Facts about the account behind a credential that a free check returned ({@code account} in
 * JSON): its name and organisation or team, the credit or balance left, the spending limit and
 * what was spent against it (in {@code currency}, USD unless the provider says otherwise), and
 * whether the key is on a free tier. Never any part of the key itself: providers that echo a
 * masked key (OpenRouter's {@code label}, xAI's {@code redacted_api_key}) have it left out.
 */
@RegisterForReflection
public record Account(String name, String organization, Double balance, Double limit, Double used, String currency,
                      Boolean freeTier) {

    public boolean empty() {
        return name == null && organization == null && balance == null && limit == null && used == null && freeTier == null;
    }
}
