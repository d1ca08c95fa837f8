package dev.nemo.config;

import dev.nemo.json.PrettyJson;
import dev.nemo.json.LenientJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads {@code nemo.json} (lenient JSON, {@code ${ENV}} substitution, validation) and writes it under a lock. */
public final class ConfigFile {
    private final Path path;
    private final Environment env;

    public ConfigFile(Path path, Environment env) {
        this.path = path;
        this.env = env;
    }

    public Path path() {
        return path;
    }

    /** The file as the user wrote it ({@code raw}, for writes) and as nemo uses it ({@code config}). */
    public record Loaded(Path path, boolean exists, ObjectNode raw, NemoConfig config) {
        /** Warnings for keys that look like misspellings of keys nemo reads (see {@link ConfigKeys}). */
        public List<String> misspellings() {
            return ConfigKeys.misspellings(raw).stream().map(w -> path.getFileName() + ": " + w).toList();
        }
    }

    /** Loads the config; a missing file is an empty config, an unreadable or invalid one an error. */
    public Loaded load() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(path, false, JsonNodeFactory.instance.objectNode(), NemoConfig.EMPTY);
        } catch (IOException e) {
            throw NemoException.failure("Cannot read config " + path + ": " + LockedFile.describe(e));
        }
        if (text.isBlank()) {
            return new Loaded(path, true, JsonNodeFactory.instance.objectNode(), NemoConfig.EMPTY);
        }
        JsonNode raw;
        try {
            raw = LenientJson.parse(text);
        } catch (LenientJson.InvalidJsonException e) {
            throw invalid(List.of(new ConfigIssue("", e.getMessage())));
        }
        List<ConfigIssue> issues = new ArrayList<>();
        if (!raw.isObject()) {
            throw invalid(List.of(new ConfigIssue("", "expected an object, found " + ConfigParser.kind(raw))));
        }
        JsonNode substituted = EnvSubstitution.apply(raw, env, issues);
        NemoConfig config = ConfigParser.parse(substituted, issues);
        if (!issues.isEmpty()) {
            throw invalid(issues);
        }
        return new Loaded(path, true, (ObjectNode) raw, config);
    }

    /**
     * Re-reads the file under its lock, lets {@code mutator} change the raw tree (returning false
     * when there is nothing to change), validates the result and writes it atomically.
     * Keys nemo does not know, and {@code ${ENV}} references, are written back as they were.
     * Comments are not preserved (JSON has no place for them); the README says so.
     */
    public Loaded update(Predicate<ObjectNode> mutator) {
        return update(mutator, () -> { });
    }

    /**
     * As {@link #update(Predicate)}, and runs {@code alongside} (the other half of a two-file
     * change, e.g. the auth store) under this file's lock once the new config is known to be
     * valid, just before it is written: a config that would be refused never lets the other file
     * change. If the config write then fails, the caller takes its other half back.
     */
    public Loaded update(Predicate<ObjectNode> mutator, Runnable alongside) {
        return LockedFile.withLock(path, LockedFile.DEFAULT_LOCK_TIMEOUT, () -> {
            Loaded current = load();
            ObjectNode tree = current.raw().deepCopy();
            boolean changed = mutator.test(tree);
            NemoConfig next = current.config();
            if (changed) {
                List<ConfigIssue> issues = new ArrayList<>();
                next = ConfigParser.parse(EnvSubstitution.apply(tree, env, issues), issues);
                if (!issues.isEmpty()) {
                    throw invalid(issues);
                }
            }
            alongside.run();
            if (!changed) {
                return current;
            }
            LockedFile.writeAtomically(path, PrettyJson.write(tree).getBytes(StandardCharsets.UTF_8));
            return new Loaded(path, true, tree, next);
        });
    }

    private NemoException invalid(List<ConfigIssue> issues) {
        return NemoException.failure("Invalid config at " + path + ":\n"
                + issues.stream().map(i -> "- " + i).collect(Collectors.joining("\n")));
    }
}
