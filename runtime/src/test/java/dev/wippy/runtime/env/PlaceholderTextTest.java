package dev.wippy.runtime.env;

import dev.wippy.runtime.env.PlaceholderText.Literal;
import dev.wippy.runtime.env.PlaceholderText.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How strings in entry data are split into text and placeholders (spec 01 §3). */
class PlaceholderTextTest {
    @Test
    void explicitFormNamesAVariableWithOrWithoutFallback() {
        assertThat(PlaceholderText.parse("${env:DB_HOST}"))
                .containsExactly(new Reference("DB_HOST", null, "${env:DB_HOST}"));
        assertThat(PlaceholderText.parse("${env:PORT|8080}"))
                .containsExactly(new Reference("PORT", "8080", "${env:PORT|8080}"));
    }

    @Test
    void explicitFormAcceptsEntryIdsAndLowerCaseNames() {
        assertThat(PlaceholderText.parse("${env:app.secrets:db_password}"))
                .containsExactly(new Reference("app.secrets:db_password", null, "${env:app.secrets:db_password}"));
        assertThat(PlaceholderText.parse("${env:log_level}"))
                .containsExactly(new Reference("log_level", null, "${env:log_level}"));
    }

    @Test
    void fallbackRunsToTheClosingBraceAndMayBeEmptyOrContainBars() {
        assertThat(PlaceholderText.parse("${env:A|}")).containsExactly(new Reference("A", "", "${env:A|}"));
        assertThat(PlaceholderText.parse("${env:A|x|y}")).containsExactly(new Reference("A", "x|y", "${env:A|x|y}"));
    }

    @Test
    void shortFormNeedsAnUpperCaseNameAndAFallback() {
        assertThat(PlaceholderText.parse("${PORT|8080}"))
                .containsExactly(new Reference("PORT", "8080", "${PORT|8080}"));
        assertThat(PlaceholderText.parse("${MAX_2|}")).containsExactly(new Reference("MAX_2", "", "${MAX_2|}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${HOME}", "${port|8080}", "${Port|8080}", "${A-B|x}", "${env:}", "${env:|x}",
        "${env:X", "$HOME", "{env:X}", "$ {env:X}"})
    void otherLookalikesStayLiteralText(String text) {
        assertThat(PlaceholderText.parse(text)).containsExactly(new Literal(text));
    }

    @Test
    void doubleDollarEscapesAPlaceholder() {
        assertThat(PlaceholderText.parse("$${env:X}")).containsExactly(new Literal("${env:X}"));
        assertThat(PlaceholderText.parse("cost: $${PRICE|1}")).containsExactly(new Literal("cost: ${PRICE|1}"));
    }

    @Test
    void placeholdersSplitTheSurroundingText() {
        assertThat(PlaceholderText.parse("postgres://${env:USER}@${DB_HOST|localhost}:5432/${env:DB}?x=$${y}"))
                .containsExactly(new Literal("postgres://"), new Reference("USER", null, "${env:USER}"),
                        new Literal("@"), new Reference("DB_HOST", "localhost", "${DB_HOST|localhost}"),
                        new Literal(":5432/"), new Reference("DB", null, "${env:DB}"), new Literal("?x=${y}"));
    }

    @Test
    void aLiteralBraceBeforeAPlaceholderDoesNotSwallowIt() {
        assertThat(PlaceholderText.parse("${HOME} ${env:X}"))
                .containsExactly(new Literal("${HOME} "), new Reference("X", null, "${env:X}"));
    }

    @Test
    void onlyStringsWithDollarBraceNeedParsing() {
        assertThat(PlaceholderText.mayContain("plain text $HOME {x}")).isFalse();
        assertThat(PlaceholderText.mayContain("a ${b")).isTrue();
    }
}
