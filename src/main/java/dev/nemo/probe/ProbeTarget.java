package dev.nemo.probe;

import dev.nemo.auth.CredentialKind;
import dev.nemo.models.ModelRef;
import dev.nemo.providers.ProviderDefinition;

/**
 * One request to send: a credential (pinned, never rotated) against one model of one provider.
 * {@code credential} is the secret itself and never leaves the engine.
 */
public record ProbeTarget(ProviderDefinition provider, ModelRef model, String profileId, String label, String source,
                          CredentialKind mode, String credential, String maxTokensField) {

    @Override
    public String toString() {
        return "ProbeTarget[" + model + ", " + label + "]"; // no credential, ever
    }
}
