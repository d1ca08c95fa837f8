package dev.nemo.providers;

import java.util.List;

/**
 * A source of provider definitions. Adding a provider to nemo is one class implementing this,
 * annotated {@code @ApplicationScoped}: Quarkus discovers the bean at build time (no classpath
 * scanning at run time, so it works in the native image too). Users add providers without a
 * build through {@code models.providers} in the config.
 */
public interface ProviderPlugin {

    /** The providers this plugin defines; the first definition of an id wins. */
    List<ProviderDefinition> providers();
}
