package dev.nemo.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextTableTest {

    @Test
    void columnsGrowToTheirContentWithOneSpaceOfPadding() {
        TextTable table = new TextTable(new String[] {"Model", "Status"}, new int[] {0, 0});
        table.add("openai/gpt-5", "ok");
        assertThat(table.render(120)).isEqualTo("""
                ┌──────────────┬────────┐
                │ Model        │ Status │
                ├──────────────┼────────┤
                │ openai/gpt-5 │ ok     │
                └──────────────┴────────┘
                """);
    }

    @Test
    void minimumWidthsHoldWhenTheContentIsNarrower() {
        TextTable table = new TextTable(new String[] {"A", "B"}, new int[] {6, 4});
        table.add("x", "y");
        assertThat(table.render(120).lines().findFirst().orElseThrow()).isEqualTo("┌──────┬────┐");
    }

    @Test
    void aNewlineInACellStartsASecondLineInThatRow() {
        TextTable table = new TextTable(new String[] {"Model", "Status"}, new int[] {0, 0});
        table.add("a/b", "auth\n↳ HTTP 401");
        List<String> lines = table.render(120).lines().toList();
        assertThat(lines).containsSubsequence("│ a/b   │ auth       │", "│       │ ↳ HTTP 401 │");
    }

    @Test
    void theWidestColumnShrinksFirstUntilTheTableFitsAndCellsWrap() {
        TextTable table = new TextTable(new String[] {"Id", "Notes"}, new int[] {0, 0});
        table.add("short", "modality:text->text context:131072 tools");
        String rendered = table.render(30);
        assertThat(rendered.lines()).allSatisfy(line -> assertThat(line).hasSize(30));
        assertThat(rendered).contains("│ short │");
        assertThat(rendered.lines().filter(l -> l.startsWith("│")).count()).as("header plus a wrapped row").isGreaterThan(2);
    }

    @Test
    void noColumnShrinksBelowItsHeaderEvenWhenTheTableCannotFit() {
        TextTable table = new TextTable(new String[] {"Model", "Profile"}, new int[] {0, 0});
        table.add("anthropic/claude-opus-4-6", "anthropic:default");
        String header = table.render(10).lines().skip(1).findFirst().orElseThrow();
        assertThat(header).isEqualTo("│ Model │ Profile │");
    }

    static Stream<Arguments> wraps() {
        return Stream.of(
                Arguments.of("fits", 10, List.of("fits")),
                Arguments.of("two words here", 10, List.of("two words", "here")),
                Arguments.of("openrouter/meta-llama", 12, List.of("openrouter/", "meta-llama")),
                Arguments.of("llama_3.3_70b", 8, List.of("llama_3.", "3_70b")),
                Arguments.of("abcdefghij", 4, List.of("abcd", "efgh", "ij")),
                Arguments.of("", 5, List.of("")));
    }

    @ParameterizedTest
    @MethodSource("wraps")
    void cellsWrapAtSpacesAndAtSlashDashUnderscoreOrDotElseHard(String text, int width, List<String> lines) {
        assertThat(TextTable.wrap(text, width)).isEqualTo(lines);
    }
}
