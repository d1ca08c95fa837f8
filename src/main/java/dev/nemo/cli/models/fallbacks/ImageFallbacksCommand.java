package dev.nemo.cli.models.fallbacks;

import dev.nemo.models.ModelSlot;
import picocli.CommandLine.Command;

@Command(name = "image-fallbacks", mixinStandardHelpOptions = true,
        description = "The models tried, in order, when the image model fails (agents.defaults.imageModel.fallbacks).",
        subcommands = {FallbacksListCommand.class, FallbacksAddCommand.class, FallbacksRemoveCommand.class,
                FallbacksClearCommand.class})
public class ImageFallbacksCommand extends FallbackChain {
    @Override
    public ModelSlot slot() {
        return ModelSlot.IMAGE;
    }
}
