package dev.nemo.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.text.PrintableText;
import dev.nemo.config.ConfigFile;
import dev.nemo.models.ModelCatalog;
import dev.nemo.models.ModelRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The write side of model selection (reference §2.3–2.5): default and image model, aliases,
 * fallback chains. Input is checked before the lock; everything that depends on the config is
 * decided inside {@link ConfigFile#update}, on the file as it is then, so concurrent edits are
 * never lost. A refused change throws before anything is written.
 */
public final class SelectionEditor {
    private final ConfigFile file;
    private final ModelCatalog catalog;
    private final Consumer<String> warn;
    private final boolean force;

    /**
     * @param warn  receives the "saved anyway" warning of a forced unknown model (stderr)
     * @param force save a model missing from its provider's catalogue ({@code --force})
     */
    public SelectionEditor(ConfigFile file, ModelCatalog catalog, Consumer<String> warn, boolean force) {
        this.file = file;
        this.catalog = catalog;
        this.warn = warn;
        this.force = force;
    }

    /** What a command reports: whether the file was written, and the values to print. */
    public record Outcome(boolean written, String key, List<String> values) {
    }

    /** {@code models set} / {@code set-image}: primary := key, key added to the allowlist, fallbacks kept. */
    public Outcome setPrimary(ModelSlot slot, String raw) {
        String input = ModelInput.ref(raw);
        Resolution[] target = new Resolution[1];
        boolean written = write(tree -> {
            ModelRef ref = tree.resolve(input);
            target[0] = new Resolution(input, ref, tree.aliases().aliases().keySet());
            checkKnown(tree, target[0]);
            boolean changed = tree.allow(ref);
            if (!tree.primary(slot).equals(Optional.of(ref.key()))) {
                tree.setPrimary(slot, ref.key());
                changed = true;
            }
            return changed;
        });
        warnIfForced(target[0]);
        return new Outcome(written, target[0].ref().key(), List.of());
    }

    /** {@code models aliases add}: the alias goes on the target's allowlist entry (created if missing). */
    public Outcome addAlias(String rawAlias, String rawModel) {
        String alias = ModelInput.alias(rawAlias);
        String input = ModelInput.ref(rawModel);
        Resolution[] target = new Resolution[1];
        boolean written = write(tree -> {
            ModelRef ref = tree.resolve(input);
            target[0] = new Resolution(input, ref, tree.aliases().aliases().keySet());
            checkKnown(tree, target[0]);
            for (Map.Entry<String, String> e : tree.aliasesByKey().entrySet()) {
                boolean sameTarget = ModelRef.parse(e.getKey(), ModelRef.DEFAULT_PROVIDER).filter(ref::equals).isPresent();
                // Resolution ignores case, so "Opus" would shadow "opus": refuse both spellings.
                if (!sameTarget && e.getValue().toLowerCase(Locale.ROOT).equals(alias.toLowerCase(Locale.ROOT))) {
                    throw NemoException.failure("Alias " + alias + " already points to " + e.getKey() + ".");
                }
            }
            tree.allow(ref);
            ObjectNode entry = tree.allowlistEntry(ref).orElseThrow();
            if (alias.equals(entry.path("alias").asText(null))) {
                return false;
            }
            entry.put("alias", alias);
            return true;
        });
        warnIfForced(target[0]);
        return new Outcome(written, target[0].ref().key(), List.of(alias));
    }

    /** {@code models aliases remove}: clears the alias (exact match); the model stays in the allowlist. */
    public Outcome removeAlias(String rawAlias) {
        String alias = ModelInput.alias(rawAlias);
        String[] removedFrom = new String[1];
        List<String> remaining = new ArrayList<>();
        write(tree -> {
            for (Map.Entry<String, String> e : tree.aliasesByKey().entrySet()) {
                if (e.getValue().equals(alias) && removedFrom[0] == null) {
                    removedFrom[0] = e.getKey();
                } else {
                    remaining.add(e.getValue());
                }
            }
            if (removedFrom[0] == null) {
                throw NemoException.failure("Alias not found: " + alias);
            }
            ((ObjectNode) tree.allowlist().get(removedFrom[0])).remove("alias");
            return true;
        });
        return new Outcome(true, removedFrom[0], remaining);
    }

    /**
     * {@code fallbacks add}: appends the key unless an entry already resolves to it. Both the key
     * and (for text fallbacks) the current primary join the allowlist, so adding the first
     * fallback never locks the primary out.
     */
    public Outcome addFallback(ModelSlot slot, String raw) {
        String input = ModelInput.ref(raw);
        Resolution[] target = new Resolution[1];
        List<String> result = new ArrayList<>();
        boolean written = write(tree -> {
            ModelRef ref = tree.resolve(input);
            target[0] = new Resolution(input, ref, tree.aliases().aliases().keySet());
            checkKnown(tree, target[0]);
            boolean changed = tree.allow(ref);
            if (slot == ModelSlot.TEXT) {
                Optional<String> primary = tree.primary(slot);
                if (primary.isPresent()) {
                    changed |= tree.aliases().resolve(primary.get()).map(tree::allow).orElse(false);
                }
            }
            List<String> fallbacks = tree.fallbacks(slot);
            if (fallbacks.stream().noneMatch(resolvesTo(tree, ref))) {
                fallbacks.add(ref.key());
                tree.setFallbacks(slot, fallbacks);
                changed = true;
            }
            result.addAll(fallbacks);
            return changed;
        });
        warnIfForced(target[0]);
        return new Outcome(written, target[0].ref().key(), result);
    }

    /** {@code fallbacks remove}: drops every entry that resolves to the target; none is an error. */
    public Outcome removeFallback(ModelSlot slot, String raw) {
        String input = ModelInput.ref(raw);
        Resolution[] target = new Resolution[1];
        List<String> result = new ArrayList<>();
        write(tree -> {
            ModelRef ref = tree.resolve(input);
            target[0] = new Resolution(input, ref, tree.aliases().aliases().keySet());
            List<String> fallbacks = tree.fallbacks(slot);
            List<String> kept = fallbacks.stream().filter(resolvesTo(tree, ref).negate()).toList();
            if (kept.size() == fallbacks.size()) {
                throw NemoException.failure(slot.fallbackLabel() + " not found: " + ref.key());
            }
            tree.setFallbacks(slot, kept);
            result.addAll(kept);
            return true;
        });
        return new Outcome(true, target[0].ref().key(), result);
    }

    /** {@code fallbacks clear}: an empty list, primary kept; an already empty list is left untouched. */
    public Outcome clearFallbacks(ModelSlot slot) {
        boolean written = write(tree -> {
            if (tree.fallbacks(slot).isEmpty()) {
                return false;
            }
            tree.setFallbacks(slot, List.of());
            return true;
        });
        return new Outcome(written, null, List.of());
    }

    /**
     * {@code models scan} applies its selection: text fallbacks are replaced by {@code fallbacks},
     * image fallbacks by {@code imageFallbacks} when there are any, primaries are set only when
     * given (non-null), and every selected key joins the allowlist. Keys are canonical refs.
     */
    public Outcome applyScan(List<String> fallbacks, List<String> imageFallbacks, String primary, String imagePrimary) {
        boolean written = write(tree -> {
            boolean changed = false;
            List<String> all = new ArrayList<>(fallbacks);
            all.addAll(imageFallbacks);
            for (String key : all) {
                changed |= tree.allow(tree.resolve(ModelInput.ref(key)));
            }
            if (!tree.fallbacks(ModelSlot.TEXT).equals(fallbacks)) {
                tree.setFallbacks(ModelSlot.TEXT, fallbacks);
                changed = true;
            }
            if (!imageFallbacks.isEmpty() && !tree.fallbacks(ModelSlot.IMAGE).equals(imageFallbacks)) {
                tree.setFallbacks(ModelSlot.IMAGE, imageFallbacks);
                changed = true;
            }
            if (primary != null && !tree.primary(ModelSlot.TEXT).equals(Optional.of(primary))) {
                tree.setPrimary(ModelSlot.TEXT, primary);
                changed = true;
            }
            if (imagePrimary != null && !tree.primary(ModelSlot.IMAGE).equals(Optional.of(imagePrimary))) {
                tree.setPrimary(ModelSlot.IMAGE, imagePrimary);
                changed = true;
            }
            return changed;
        });
        return new Outcome(written, primary, fallbacks);
    }

    private static Predicate<String> resolvesTo(SelectionTree tree, ModelRef ref) {
        return entry -> tree.aliases().resolve(entry).filter(ref::equals).isPresent();
    }

    private boolean write(Predicate<SelectionTree> change) {
        boolean[] changed = new boolean[1];
        file.update(root -> {
            changed[0] = change.test(new SelectionTree(root));
            return changed[0];
        });
        return changed[0];
    }

    /** What an input resolved to, and the aliases it was resolved against (for suggestions). */
    private record Resolution(String input, ModelRef ref, Collection<String> aliases) {
    }

    /**
     * Refuses (exit 64, nothing written) a ref nemo cannot vouch for: a provider it does not know,
     * a bare name that is neither an alias nor a model of the default provider, or a model missing
     * from a provider's catalogue (that one is saved with {@code --force}). An existing alias is
     * taken as it is; so is any model of a provider whose models change too often to list.
     */
    private void checkKnown(SelectionTree tree, Resolution r) {
        boolean bare = !r.input().contains("/");
        if (bare && tree.aliases().lookup(r.input()).isPresent()) {
            return;
        }
        ModelRef ref = r.ref();
        if (!catalog.unknown(ref)) {
            return;
        }
        // A bare name that is no alias may be a mistyped one: suggest aliases then, too.
        String hint = catalog.suggestions(ref, bare ? List.copyOf(r.aliases()) : List.of());
        String typed = PrintableText.quote(r.input());
        if (!catalog.knowsProvider(ref.provider())) {
            throw NemoException.usage("Unknown provider \"" + ref.provider() + "\" in " + typed + "; nothing was saved." + hint
                    + " Known providers: see `nemo plugins list`.");
        }
        if (bare) {
            throw NemoException.usage(typed + " is neither an alias nor a model of the default provider " + ref.provider()
                    + "; nothing was saved." + hint + " Write provider/model (with --force for a model nemo does not list).");
        }
        if (!force) {
            throw NemoException.usage(ref.key() + " is not in the model catalogue; nothing was saved." + hint
                    + " Pass --force to save it anyway.");
        }
    }

    private void warnIfForced(Resolution r) {
        if (r != null && catalog.unknown(r.ref()) && r.input().contains("/")) {
            warn.accept(r.ref().key() + " is not in the model catalogue; saved anyway (--force).");
        }
    }
}
