package dev.nemo.cli.completion;

import java.util.ArrayList;
import java.util.List;

/**
 * The zsh completion script, native ({@code _arguments} and {@code _describe}, no bashcompinit):
 * one function per command, each completing its options, their values and its parameters, and a
 * group handing the rest of the line to the chosen subcommand's function ({@code -A '-*'}: a group's
 * options end at the subcommand's name). No {@code -s}: nemo has no stacked one-letter options, and
 * with it {@code _arguments} loses its place after a long option's value.
 */
public final class ZshScript {
    private ZshScript() {
    }

    public static String of(CommandTree root) {
        StringBuilder s = new StringBuilder();
        s.append("""
                #compdef nemo
                # zsh completion for nemo, generated from its commands by `nemo completion zsh`.
                # Load it in ~/.zshrc after compinit:  source <(nemo completion zsh)
                # or save it as _nemo in a directory on $fpath.

                # Ids from the user's config and store (`nemo __complete <source>`); --agent on the line picks the agent.
                # _arguments calls it with compadd's options first and the source last.
                _nemo_dynamic() {
                  local source=${@[-1]}
                  local -a line_words values
                  line_words=(${(z)BUFFER})
                  values=(${(f)"$(${~line_words[1]} __complete $source -- ${(Q)line_words[@]} 2>/dev/null)"})
                  compadd "${@[1,-2]}" -a values
                }

                """);
        for (CommandTree c : root.all()) {
            function(s, c);
        }
        s.append("""
                if [ "$funcstack[1]" = "_nemo" ]; then
                  _nemo "$@"
                else
                  compdef _nemo nemo
                fi
                """);
        return s.toString();
    }

    private static void function(StringBuilder s, CommandTree c) {
        List<String> specs = new ArrayList<>();
        for (CommandTree.Option o : c.options()) {
            String exclusive = o.repeatable() ? "*" : o.names().size() > 1 ? "(" + String.join(" ", o.names()) + ")" : "";
            for (String name : o.names()) {
                String spec = exclusive + name;
                if (o.takesValue()) {
                    spec += (name.startsWith("--") ? "=" : "+") + "[" + escape(o.description()) + "]:" + label(o) + ":" + action(o.value());
                } else {
                    spec += "[" + escape(o.description()) + "]";
                }
                specs.add(spec);
            }
        }
        String name = functionName(c);
        if (c.subcommands().isEmpty()) {
            for (CommandTree.Parameter p : c.parameters()) {
                String position = p.to() < 0 ? "*" : Integer.toString(p.from() + 1);
                specs.add(position + ":" + p.label().replace(":", "\\:") + ":" + action(p.value()));
            }
            s.append(name).append("() {\n  _arguments -S");
            specs.forEach(spec -> s.append(" \\\n    ").append(BashScript.quote(spec)));
            s.append("\n}\n\n");
            return;
        }
        s.append(name).append("() {\n  local curcontext=\"$curcontext\" state state_descr line\n  typeset -A opt_args\n  _arguments -C -S -A '-*'");
        specs.forEach(spec -> s.append(" \\\n    ").append(BashScript.quote(spec)));
        s.append(" \\\n    '1: :->command' \\\n    '*:: :->argument'\n");
        s.append("  case $state in\n    command)\n      local -a commands\n      commands=(");
        for (CommandTree sub : c.subcommands()) {
            s.append("\n        ").append(BashScript.quote(sub.name().replace(":", "\\:") + ":" + sub.description()));
        }
        s.append("\n      )\n      _describe -t commands command commands ;;\n    argument)\n      case $words[1] in\n");
        for (CommandTree sub : c.subcommands()) {
            s.append("        ").append(sub.name()).append(") ").append(functionName(sub)).append(" ;;\n");
        }
        s.append("      esac ;;\n  esac\n}\n\n");
    }

    private static String functionName(CommandTree c) {
        return c.path().isEmpty() ? "_nemo" : "_nemo__" + c.path().replace(' ', '_').replace('-', '_');
    }

    private static String label(CommandTree.Option o) {
        return o.names().get(o.names().size() - 1).replaceFirst("^-+", "");
    }

    private static String action(ValueKind value) {
        if (value instanceof ValueKind.Files) {
            return "_files";
        }
        if (value instanceof ValueKind.Choices c) {
            return "(" + String.join(" ", c.words()) + ")";
        }
        if (value instanceof ValueKind.Dynamic d) {
            return "_nemo_dynamic " + d.source().name();
        }
        return " ";
    }

    /** Text inside {@code [...]} of an {@code _arguments} spec. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }
}
