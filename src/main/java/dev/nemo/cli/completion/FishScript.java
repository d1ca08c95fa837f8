package dev.nemo.cli.completion;

import java.util.stream.Collectors;

/**
 * The fish completion script: a function that finds, on the line before the cursor, the command
 * path and how many positional words follow it, and one {@code complete} line per subcommand,
 * option and parameter, guarded by that path.
 */
public final class FishScript {
    private FishScript() {
    }

    public static String of(CommandTree root) {
        StringBuilder s = new StringBuilder();
        s.append("""
                # fish completion for nemo, generated from its commands by `nemo completion fish`.
                # Load it:  nemo completion fish | source
                # or save it as ~/.config/fish/completions/nemo.fish

                function __nemo_subcommands --argument-names path
                    switch "$path"
                """);
        for (CommandTree c : root.all()) {
            if (!c.subcommands().isEmpty()) {
                s.append("        case ").append(quote(c.path())).append("\n            printf '%s\\n' ")
                        .append(c.subcommands().stream().map(sub -> quote(sub.name())).collect(Collectors.joining(" "))).append('\n');
            }
        }
        s.append("""
                    end
                end

                function __nemo_takes_value --argument-names path option
                    switch "$path|$option"
                """);
        StringBuilder cases = new StringBuilder();
        for (CommandTree c : root.all()) {
            for (CommandTree.Option o : c.options()) {
                if (o.takesValue()) {
                    o.names().forEach(n -> cases.append(' ').append(quote(c.path() + "|" + n)));
                }
            }
        }
        s.append("        case").append(cases).append("\n            return 0\n");
        s.append("""
                    end
                    return 1
                end

                # "<positional words after the command>|<command path>" of the line before the cursor.
                function __nemo_state
                    set -l words (commandline -opc)
                    set -l path ''
                    set -l n 0
                    set -l i 2
                    while test $i -le (count $words)
                        set -l w $words[$i]
                        if string match -q -- '-*' $w
                            if not string match -q -- '*=*' $w; and __nemo_takes_value "$path" $w
                                set i (math $i + 1)
                            end
                        else if test $n -eq 0; and contains -- $w (__nemo_subcommands "$path")
                            set path (string trim -- "$path $w")
                        else
                            set n (math $n + 1)
                        end
                        set i (math $i + 1)
                    end
                    echo "$n|$path"
                end

                # True at command <path>; with <from> <to>, only before positional word <from>..<to> (-1: no end).
                function __nemo_at --argument-names wanted from to
                    set -l state (string split -m 1 '|' -- (__nemo_state))
                    test "$state[2]" = "$wanted"; or return 1
                    test -z "$from"; and return 0
                    test $state[1] -ge $from; or return 1
                    test "$to" = -1; or test $state[1] -le $to
                end

                # Ids from the user's config and store (`nemo __complete <source>`); --agent on the line picks the agent.
                function __nemo_dynamic --argument-names source
                    set -l words (commandline -opc)
                    $words[1] __complete $source -- $words 2>/dev/null
                end

                complete -c nemo -f
                """);
        for (CommandTree c : root.all()) {
            String at = "__nemo_at " + doubleQuoted(c.path());
            for (CommandTree sub : c.subcommands()) {
                s.append("complete -c nemo -n ").append(quote(at + " 0 0")).append(" -a ").append(quote(sub.name()))
                        .append(" -d ").append(quote(sub.description())).append('\n');
            }
            for (CommandTree.Option o : c.options()) {
                s.append("complete -c nemo -n ").append(quote(at));
                for (String name : o.names()) {
                    s.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
                }
                s.append(value(o.value())).append(" -d ").append(quote(o.description())).append('\n');
            }
            for (CommandTree.Parameter p : c.parameters()) {
                if (!(p.value() instanceof ValueKind.Free)) {
                    s.append("complete -c nemo -n ").append(quote(at + " " + p.from() + " " + p.to())).append(value(p.value()))
                            .append(" -d ").append(quote(p.label())).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String value(ValueKind value) {
        if (value instanceof ValueKind.Flag) {
            return "";
        }
        if (value instanceof ValueKind.Files) {
            return " -r -F";
        }
        if (value instanceof ValueKind.Choices c) {
            return " -x -a " + quote(String.join(" ", c.words()));
        }
        if (value instanceof ValueKind.Dynamic d) {
            return " -x -a " + quote("(__nemo_dynamic " + d.source().name() + ")");
        }
        return " -x";
    }

    /** A fish single-quoted string: only {@code \} and {@code '} are special inside. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String doubleQuoted(String text) {
        return "\"" + text + "\"";
    }
}
