package dev.wippy.runtime.env;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The {@code .env} format of file storages. */
class DotEnvTest {
    @Test
    void assignmentsCommentsAndBlankLines() {
        assertThat(DotEnv.parse(List.of("# settings", "", "  HOST = db.local  ", "URL=a=b#c", "EMPTY=",
                "HOST=db.prod"))).containsExactly(entry("HOST", "db.prod"), entry("URL", "a=b#c"), entry("EMPTY", ""));
    }

    @Test
    void quotedValues() {
        assertThat(DotEnv.parse(List.of("A=\" padded \"", "B='it''s $raw \\n'", "C=\"line\\nnext \\\"q\\\" \\\\\"",
                "D=\"unbalanced")))
                .containsEntry("A", " padded ").containsEntry("B", "it''s $raw \\n")
                .containsEntry("C", "line\nnext \"q\" \\").containsEntry("D", "\"unbalanced");
    }

    @Test
    void aLineThatIsNotAnAssignmentIsNamed() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("A=1", "just words")))
                .hasMessage("line 2: expected KEY=VALUE");
        assertThatThrownBy(() -> DotEnv.parse(List.of("=value"))).hasMessage("line 1: expected KEY=VALUE");
    }

    @Test
    void assigningRewritesTheKeysLineInPlaceOrAppends() {
        List<String> lines = List.of("# db", "HOST=old", "PORT=1");
        assertThat(DotEnv.assign(lines, "HOST", "new")).containsExactly("# db", "HOST=new", "PORT=1");
        assertThat(DotEnv.assign(lines, "USER", "ada")).containsExactly("# db", "HOST=old", "PORT=1", "USER=ada");
    }

    @Test
    void valuesThatWouldNotReadBackAreQuoted() {
        for (String value : List.of(" padded ", "two\nlines", "\"quoted\"", "'single'", "back\\slash\" \r", "",
                "plain #not-a-comment")) {
            List<String> written = DotEnv.assign(List.of(), "K", value);
            assertThat(DotEnv.parse(written)).as(written.toString()).containsEntry("K", value);
        }
        assertThat(DotEnv.assign(List.of(), "K", "plain value")).containsExactly("K=plain value");
    }
}
