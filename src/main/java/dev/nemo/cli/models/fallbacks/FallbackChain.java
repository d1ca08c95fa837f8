package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.models.SharedDefaultsCommand;
import dev.nemo.models.ModelSlot;

/** A fallback-chain command group: {@code fallbacks} (text) or {@code image-fallbacks}; its subcommands ask it which. */
public abstract class FallbackChain extends dev.nemo.cli.CommandGroup implements SharedDefaultsCommand {
    public abstract ModelSlot slot();
}
