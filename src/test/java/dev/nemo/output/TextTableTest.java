package dev.nemo.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static final String MODEL = "openrouter/moonshotai/kimi-k2-instruct-0905";
    private static final String PROFILE = "openrouter:team-platform-engineering";

    private static TextTable table() {
        TextTable table = new TextTable(new String[] {"Model", "Profile", "Status"}, new int[] {18, 24, 12}).keepTokens(0, 1);
        table.add(MODEL, PROFILE + " (api_key)", "auth · 95ms · invalid_key\n↳ HTTP 401: invalid x-api-key, see the documentation");
        table.add("openai/gpt-5", "openai:default (api_key)", "ok · 812ms");
        return table;
    }

    private static String column(String rendered, int c) {
        StringBuilder joined = new StringBuilder();
        rendered.lines().filter(l -> l.startsWith("│")).skip(1).forEach(l -> joined.append(l.split("│")[c + 1].strip()));
        return joined.toString();
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 80, 200})
    void boxedTableFitsTheWidthAndWrapsIdsOnlyBetweenTokens(int width) {
        String rendered = table().render(TableLayout.terminal(width));

        assertThat(rendered.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
        assertThat(column(rendered, 0)).as("the wrapped pieces join back into the whole id").contains(MODEL).contains("openai/gpt-5");
        assertThat(column(rendered, 1)).contains(PROFILE);
    }

    @Test
    void anIdColumnNeverShrinksBelowItsLongestToken() {
        String rendered = table().render(TableLayout.terminal(20));

        assertThat(rendered).contains("│ moonshotai/ ").contains("│ engineering ");
    }

    @Test
    void pipedTableIsPlainColumnsOneRowPerLine() {
        String rendered = table().render(TableLayout.PIPE);

        List<String> lines = rendered.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(rendered).doesNotContainPattern("[┌│├└─]");
        int profileAt = MODEL.length() + 2;
        assertThat(lines.get(0)).startsWith("Model" + " ".repeat(profileAt - 5) + "Profile");
        assertThat(lines.get(1)).startsWith(MODEL + "  " + PROFILE + " (api_key)").endsWith("invalid_key ↳ HTTP 401: invalid x-api-key, see the documentation");
        assertThat(lines.get(2).indexOf("openai:default")).isEqualTo(profileAt);
    }

    @Test
    void wrapBreaksAfterSeparatorsAndCutsProseOnlyWhenNothingElseFits() {
        assertThat(TextTable.wrap("anthropic/claude-opus-4-6", 12, " /-:")).containsExactly("anthropic/", "claude-opus-", "4-6");
        assertThat(TextTable.wrap("abcdefghij", 4, " ")).containsExactly("abcd", "efgh", "ij");
        assertThat(TextTable.longestToken("openrouter:team-platform-engineering (api_key)")).isEqualTo("engineering".length());
    }
}
