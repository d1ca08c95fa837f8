package dev.nemo.cli.completion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands, options and parameters a shell completes, read from the picocli model, so the
 * scripts never drift from the real command line. Hidden commands and options are left out.
 *
 * @param path the words after {@code nemo} that reach this command ({@code ""} for nemo itself)
 */
public record CommandTree(String name, String path, String description, List<CommandTree> subcommands,
                          List<Option> options, List<Parameter> parameters) {

    /** One option: its names ({@code -h}, {@code --help}), what its value completes to, whether it repeats. */
    public record Option(List<String> names, String description, ValueKind value, boolean repeatable) {
        public boolean takesValue() {
            return !(value instanceof ValueKind.Flag);
        }
    }

    /**
     * Positional parameters at indexes {@code from} to {@code to} ({@code -1}: no upper bound),
     * counted from the first word after the command.
     */
    public record Parameter(String label, String description, int from, int to, ValueKind value) {
    }

    public static CommandTree of(CommandLine root) {
        return of(root.getCommandSpec(), "");
    }

    private static CommandTree of(CommandSpec spec, String path) {
        List<CommandTree> subcommands = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            // aliases would show twice; only a command's own name counts
            if (!s.usageMessage().hidden() && s.name().equals(name)) {
                subcommands.add(of(s, path.isEmpty() ? name : path + " " + name));
            }
        });
        List<Option> options = spec.options().stream().filter(o -> !o.hidden())
                .map(o -> new Option(List.of(o.names()), summary(o.description()), valueOf(path, o), o.isMultiValue()))
                .toList();
        List<Parameter> parameters = spec.positionalParameters().stream().filter(p -> !p.hidden())
                .map(p -> new Parameter(p.paramLabel(), summary(p.description()), p.index().min(),
                        p.index().isVariable() ? -1 : p.index().max(), valueOf(path, p)))
                .toList();
        return new CommandTree(spec.name(), path, summary(spec.usageMessage().description()), subcommands, options, parameters);
    }

    private static ValueKind valueOf(String path, OptionSpec option) {
        if (option.arity().max() == 0) {
            return new ValueKind.Flag();
        }
        for (String name : option.names()) {
            Optional<CompletionSource> source = CompletionSource.ofOption(path, name);
            if (source.isPresent()) {
                return new ValueKind.Dynamic(source.get());
            }
            if (CompletionSource.CHOICES.containsKey(name)) {
                return new ValueKind.Choices(CompletionSource.CHOICES.get(name));
            }
        }
        return fromType(option.type(), option.completionCandidates());
    }

    private static ValueKind valueOf(String path, PositionalParamSpec parameter) {
        return CompletionSource.ofParameter(path, parameter.paramLabel()).<ValueKind>map(ValueKind.Dynamic::new)
                .orElseGet(() -> fromType(parameter.type(), parameter.completionCandidates()));
    }

    private static ValueKind fromType(Class<?> type, Iterable<String> candidates) {
        if (candidates != null) {
            List<String> words = new ArrayList<>();
            candidates.forEach(words::add);
            return new ValueKind.Choices(words);
        }
        if (Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)) {
            return new ValueKind.Files();
        }
        return new ValueKind.Free();
    }

    /** The first line of a description, without picocli's {@code ${…}} variables. */
    private static String summary(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String first = description[0].replaceAll("\\s*\\(default: \\$\\{DEFAULT-VALUE}[^)]*\\)", "")
                .replaceAll("\\$\\{[^}]*}", "").replace("%n", " ").strip();
        int end = first.indexOf(". ");
        return end > 0 ? first.substring(0, end + 1) : first;
    }

    /** Every command of the tree, this one first, depth first. */
    public List<CommandTree> all() {
        List<CommandTree> out = new ArrayList<>();
        out.add(this);
        subcommands.forEach(s -> out.addAll(s.all()));
        return out;
    }
}
