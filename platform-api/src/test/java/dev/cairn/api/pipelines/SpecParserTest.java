package dev.cairn.api.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
}
