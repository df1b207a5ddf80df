package dev.cairn.api.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecParserTest {
    private final SpecParser parser = new SpecParser();

    @Test
    void readsTheSameSpecFromYamlAndJson() {
        // Given
        var yaml = "name: churn\ndataset: churn\ntarget: churn\nsteps:\n  split: { test: 0.3, seed: 7 }\n";
        var json = "{\"name\":\"churn\",\"dataset\":\"churn\",\"target\":\"churn\",\"steps\":{\"split\":{\"test\":0.3,\"seed\":7}}}";
        // When
        var fromYaml = parser.parse(yaml, true);
        var fromJson = parser.parse(json, false);
        // Then
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromYaml.steps().split().seed()).isEqualTo(7L);
    }

    @Test
    void namesTheUnknownFieldAndWhereItIs() {
        // Given
        var yaml = "name: churn\nsteps:\n  trian: { algorithm: cart }\n";
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> parser.parse(yaml, true));
        // Then
        assertThat(error.errors().getFirst().field()).isEqualTo("steps");
        assertThat(error.errors().getFirst().message()).contains("unknown field 'trian'").contains("train");
    }

    @Test
    void namesTheFieldOfAWrongType() {
        // Given
        var yaml = "name: churn\nsteps:\n  split: { test: lots }\n";
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> parser.parse(yaml, true));
        // Then
        assertThat(error.errors().getFirst().field()).isEqualTo("steps.split.test");
    }

    @Test
    void refusesYamlTagsThatWouldBuildObjects() {
        // Given
        var yaml = "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n";
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> parser.parse(yaml, true));
        // Then
        assertThat(error).isNotNull();
        assertThat(error.errors().getFirst().field()).isEqualTo("name");
    }

    @Test
    void refusesAliasBombs() {
        // Given
        var yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'p'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev)
                    .append(",*").append(prev).append("]\n");
        }
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> parser.parse(yaml.toString(), true));
        // Then
        assertThat(error).isNotNull();
    }

    @Test
    void refusesMalformedYamlAndEmptySpecs() {
        // When
        var malformed = catchThrowableOfType(InvalidSpecException.class, () -> parser.parse("name: 'unclosed", true));
        var empty = catchThrowableOfType(InvalidSpecException.class, () -> parser.parse("  \n", true));
        // Then
        assertThat(malformed.getMessage()).contains("not valid YAML");
        assertThat(empty.getMessage()).contains("empty");
    }

    @Test
    void readsABodyOfExactlyTheLimit() throws Exception {
        // Given
        var body = "#" + "é".repeat(SpecParser.MAX_SPEC_CHARS - 1);
        // When
        var text = SpecParser.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        // Then
        assertThat(text).isEqualTo(body);
    }

    @Test
    void stopsReadingAnEndlessBodySoonAfterTheLimit() {
        // Given
        var endless = new EndlessInputStream();
        // When
        var error = catchThrowableOfType(SpecTooLargeException.class, () -> SpecParser.read(endless));
        // Then
        assertThat(error).hasMessageContaining(String.valueOf(SpecParser.MAX_SPEC_CHARS));
        assertThat(endless.served).isLessThan(SpecParser.MAX_SPEC_CHARS + 64 * 1024);
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        // Given
        var latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        // When
        var error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.read(new ByteArrayInputStream(latin1)));
        // Then
        assertThat(error.errors().getFirst().message()).isEqualTo("the spec is not valid UTF-8");
    }

    /** A client that never stops sending; counts what the server has taken from it. */
    private static final class EndlessInputStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served += length;
            return length;
        }
    }
}
