package dev.nemo.cli.models;

import dev.nemo.models.ModelSlot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "set-image", mixinStandardHelpOptions = true,
        description = "Set the image model (agents.defaults.imageModel.primary); image fallbacks are kept.")
public class SetImageCommand implements Callable<Integer>, SharedDefaultsCommand {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<model-or-alias>", description = "provider/model of an image-capable model, or an alias.")
    String model;

    @Option(names = "--force", description = "Save a model its provider's catalogue does not list (the provider must be known).")
    boolean force;

    @Override
    public Integer call() {
        return SetCommand.run(spec, ModelSlot.IMAGE, model, force);
    }
}
