package dev.nemo.probe;

import dev.nemo.auth.CredentialKind;
import dev.nemo.models.ModelRef;
import dev.nemo.providers.ProviderDefinition;

/**
 * One request to send: a credential (pinned, never rotated) against one model of one provider,
 * by {@code method}: a completion, or the provider's free check (then {@code model} is null: a
 * free check tests the credential, not a model). {@code hop} names the place in the agent's model
 * chain ({@code default}, {@code fallback#1}, {@code image}, …) for {@code --probe-chain}, else
 * null. {@code credential} is the secret itself and never leaves the engine.
 */
public record ProbeTarget(ProviderDefinition provider, ModelRef model, String profileId, String label, String source,
                          CredentialKind mode, String credential, String maxTokensField, ProbeMethod method, String hop) {

    /** A completion probe outside any chain. */
    public ProbeTarget(ProviderDefinition provider, ModelRef model, String profileId, String label, String source,
                       CredentialKind mode, String credential, String maxTokensField) {
        this(provider, model, profileId, label, source, mode, credential, maxTokensField, ProbeMethod.COMPLETION, null);
    }

    @Override
    public String toString() {
        return "ProbeTarget[" + (model != null ? model : provider.id() + " " + method.wireName()) + ", " + label + "]"; // no credential, ever
    }
}
