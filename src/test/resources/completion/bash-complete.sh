# Prints, one per line, what bash completion offers for a command line, as if Tab were pressed at
# its end: bash <this file> <completion script> <line>. Each offer is printed as the whole word the
# user would see (bash itself replaces only the part after the last ':' or '=').
source "$1"
COMP_LINE="$2"
COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
cur="${COMP_WORDS[COMP_CWORD]}"
_nemo nemo "$cur" "${COMP_WORDS[COMP_CWORD-1]}"
head=""
[[ $cur == *[:=]* ]] && head="${cur%"${cur##*[:=]}"}"
for reply in "${COMPREPLY[@]}"; do
  printf '%s\n' "$head$reply"
done
