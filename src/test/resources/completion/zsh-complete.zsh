# Prints, one per line, what zsh's completion system offers for a command line, as if Tab were
# pressed at its end: zsh <this file> <completion script> <line>.
# An interactive zsh runs in a pseudo-terminal (zsh/zpty); compadd is wrapped to print what
# the completion functions add, between markers, and the output is read back until the end marker.
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 2 }
script=$1 line=$2
zpty capture zsh -f -i
zpty -w capture "PROMPT=''; RPROMPT=''; unsetopt zle_bracketed_paste 2>/dev/null"
zpty -w capture "autoload -U compinit && compinit -u -d ${(q)TMPDIR:-/tmp}/nemo-zcompdump-$$"
zpty -w capture "source ${(q)script}"
zpty -w capture 'zstyle ":completion:*" insert-tab false; bindkey "^I" complete-word'
zpty -w capture 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a hits; builtin compadd -A hits "$@"
  local h; for h in $hits; do print -r -- "<hit>$h</hit>"; done
  builtin compadd "$@"
}'
zpty -w capture '__capture_done() { print -r -- "<done/>"; }; comppostfuncs=(__capture_done)'
zpty -w capture 'print -r -- "<ready/>"'
local out
while zpty -r capture out; do [[ $out == *'<ready/>'* && $out != *print* ]] && break; done
zpty -w -n capture "$line"$'\t'
local all=""
while zpty -r -t capture out || zpty -r capture out; do
  all+=$out
  [[ $all == *'<done/>'* ]] && break
done
zpty -d capture
for h in ${(f)"$(print -r -- $all | grep -o '<hit>[^<]*</hit>')"}; do
  h=${h#<hit>}; print -r -- ${h%</hit>}
done
