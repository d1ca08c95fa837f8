package dev.nemo.providers;

import io.quarkus.arc.All;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every {@link ProviderPlugin} bean of this build, built-ins first. Outside a running Quarkus
 * container (plain unit tests) only the built-ins exist.
 */
@Singleton
@Unremovable
public class ProviderPlugins {
    @Inject
    @All
    List<ProviderPlugin> plugins;

    public static List<ProviderDefinition> definitions() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return BuiltinProviders.DEFINITIONS;
        }
        return container.instance(ProviderPlugins.class).get().all();
    }

    List<ProviderDefinition> all() {
        List<ProviderPlugin> ordered = new ArrayList<>(plugins);
        ordered.sort(Comparator.comparing(p -> p instanceof BuiltinProviders ? 0 : 1));
        List<ProviderDefinition> definitions = new ArrayList<>();
        ordered.forEach(p -> definitions.addAll(p.providers()));
        return definitions;
    }
}
