package dev.nemo.cli.completion;

import java.util.stream.Collectors;

/**
 * The bash completion script. A fixed driver walks the words before the cursor (subcommands
 * deepen the command path, an option that takes a value consumes the next word, anything else is
 * a positional parameter) and asks generated tables what the path offers.
 */
public final class BashScript {
    private BashScript() {
    }

    public static String of(CommandTree root) {
        StringBuilder s = new StringBuilder();
        s.append("""
                # bash completion for nemo, generated from its commands by `nemo completion bash`.
                # Load it in ~/.bashrc:  source <(nemo completion bash)
                # or save it as ~/.local/share/bash-completion/completions/nemo

                """);
        s.append("__nemo_subcommands() {\n    case \"$1\" in\n");
        for (CommandTree c : root.all()) {
            if (!c.subcommands().isEmpty()) {
                s.append("        ").append(quote(c.path())).append(") echo ")
                        .append(quote(c.subcommands().stream().map(CommandTree::name).collect(Collectors.joining(" ")))).append(" ;;\n");
            }
        }
        s.append("    esac\n}\n\n__nemo_options() {\n    case \"$1\" in\n");
        for (CommandTree c : root.all()) {
            s.append("        ").append(quote(c.path())).append(") echo ")
                    .append(quote(c.options().stream().flatMap(o -> o.names().stream()).collect(Collectors.joining(" ")))).append(" ;;\n");
        }
        s.append("""
                    esac
                }

                # How an option's value completes (files, words:<…>, dynamic:<source>, free); status 1 for a flag.
                __nemo_option_value() {
                    case "$1|$2" in
                """);
        for (CommandTree c : root.all()) {
            for (CommandTree.Option o : c.options()) {
                if (o.takesValue()) {
                    for (String name : o.names()) {
                        s.append("        ").append(quote(c.path() + "|" + name)).append(") echo ").append(quote(kind(o.value()))).append(" ;;\n");
                    }
                }
            }
        }
        s.append("""
                        *) return 1 ;;
                    esac
                }

                # How the command's n-th positional parameter (from 0) completes; status 1 when nothing is known.
                __nemo_parameter_value() {
                    case "$1|$2" in
                """);
        for (CommandTree c : root.all()) {
            for (CommandTree.Parameter p : c.parameters()) {
                if (p.value() instanceof ValueKind.Free) {
                    continue;
                }
                String pattern = p.to() >= 0 && p.from() == p.to() ? quote(c.path() + "|" + p.from())
                        : p.to() < 0 && p.from() == 0 ? quote(c.path() + "|") + "*"
                        : p.to() < 0 && p.from() == 1 ? quote(c.path() + "|") + "[1-9]*"
                        : indexes(c.path(), p.from(), Math.max(p.from(), p.to()));
                s.append("        ").append(pattern).append(") echo ").append(quote(kind(p.value()))).append(" ;;\n");
            }
        }
        s.append("""
                        *) return 1 ;;
                    esac
                }

                # Completions of <kind> for <current word>; the dynamic ones come from `nemo __complete`,
                # which reads the config and store (--agent on the line picks the agent).
                __nemo_values() { # <kind> <current word> <the words of the line…>
                    local kind="$1" cur="$2" self
                    shift 2
                    case "$kind" in
                        files) compgen -f -- "$cur" ;;
                        words:*) compgen -W "${kind#words:}" -- "$cur" ;;
                        dynamic:*)
                            self="$1"
                            [[ $self == "~/"* ]] && self="$HOME/${self#"~/"}"
                            compgen -W "$("$self" __complete "${kind#dynamic:}" -- "$@" 2>/dev/null)" -- "$cur" ;;
                    esac
                }

                _nemo() {
                    local line="${COMP_LINE:0:COMP_POINT}" cur="" path="" word kind expecting=""
                    local -a words
                    read -ra words <<< "$line"
                    if [[ $line != *[[:space:]] ]]; then
                        cur="${words[${#words[@]}-1]}"
                        unset 'words[${#words[@]}-1]'
                    fi
                    local i=1 n=0
                    while (( i < ${#words[@]} )); do
                        word="${words[i]}"
                        if [[ $word == -* ]]; then
                            if [[ $word != *=* ]] && __nemo_option_value "$path" "$word" >/dev/null; then
                                (( i + 1 == ${#words[@]} )) && expecting="$word"
                                (( i++ ))
                            fi
                        elif (( n == 0 )) && [[ " $(__nemo_subcommands "$path") " == *" $word "* ]]; then
                            path="${path:+$path }$word"
                        else
                            (( n++ ))
                        fi
                        (( i++ ))
                    done
                    COMPREPLY=()
                    if [[ -n $expecting ]]; then
                        kind="$(__nemo_option_value "$path" "$expecting")"
                        COMPREPLY=($(__nemo_values "$kind" "$cur" "${words[@]}"))
                    elif [[ $cur == --*=* ]]; then
                        if kind="$(__nemo_option_value "$path" "${cur%%=*}")"; then
                            COMPREPLY=($(__nemo_values "$kind" "${cur#*=}" "${words[@]}"))
                            COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
                        fi
                    elif [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W "$(__nemo_options "$path")" -- "$cur"))
                    else
                        (( n == 0 )) && COMPREPLY=($(compgen -W "$(__nemo_subcommands "$path")" -- "$cur"))
                        if kind="$(__nemo_parameter_value "$path" "$n")"; then
                            COMPREPLY+=($(__nemo_values "$kind" "$cur" "${words[@]}"))
                        fi
                    fi
                    # bash splits words at COMP_WORDBREAKS (: and = among them) and replaces only what follows
                    # the last break: hand back that part of each completion.
                    if [[ $cur == *[:=]* ]]; then
                        local head="${cur%"${cur##*[:=]}"}"
                        if [[ $COMP_WORDBREAKS == *"${head: -1}"* ]]; then
                            COMPREPLY=("${COMPREPLY[@]#"$head"}")
                        fi
                    fi
                }

                complete -F _nemo nemo
                """);
        return s.toString();
    }

    static String kind(ValueKind value) {
        if (value instanceof ValueKind.Files) {
            return "files";
        }
        if (value instanceof ValueKind.Choices c) {
            return "words:" + String.join(" ", c.words());
        }
        if (value instanceof ValueKind.Dynamic d) {
            return "dynamic:" + d.source().name();
        }
        return "free";
    }

    private static String indexes(String path, int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> quote(path + "|" + i)).collect(Collectors.joining("|"));
    }

    /** A single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
