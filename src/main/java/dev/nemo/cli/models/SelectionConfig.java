package dev.nemo.cli.models;

import dev.nemo.cli.Invocation;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.StatePaths;
import dev.nemo.config.HomePaths;
import dev.nemo.models.ModelCatalog;
import dev.nemo.providers.ProviderRegistry;
import dev.nemo.models.SelectionEditor;

/**
 * What the model-selection commands share: the config file they read and write, and the
 * {@code Updated <path>} line after a write. They need no agent dir or auth store, so they load
 * only the config.
 */
public record SelectionConfig(Invocation io, ConfigFile file) {

    public static SelectionConfig open(Invocation io) {
        return new SelectionConfig(io, new ConfigFile(StatePaths.resolve(io.env()).configPath(), io.env()));
    }

    public ConfigFile.Loaded load() {
        return file.load();
    }

    public SelectionEditor editor() {
        return editor(false);
    }

    /** @param force save a model missing from its provider's catalogue ({@code --force}) */
    public SelectionEditor editor(boolean force) {
        ConfigFile.Loaded loaded = file.load();
        loaded.misspellings().forEach(io::warn);
        ModelCatalog catalog = ModelCatalog.load(loaded.config(), new ProviderRegistry(loaded.config()));
        return new SelectionEditor(file, catalog, io::warn, force);
    }

    public void reportWrite(boolean written) {
        if (written) {
            io.out().println("Updated " + HomePaths.display(file.path(), io.env()));
        }
    }
}
