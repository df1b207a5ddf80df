package dev.cairn.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelWhateverOrderTheyCameIn() {
        // Given
        var inner = new LinkedHashMap<String, Object>();
        inner.put("z", 1);
        inner.put("y", List.of(Map.of("b", true), "x"));
        var outer = new LinkedHashMap<String, Object>();
        outer.put("version", 3);
        outer.put("metrics", inner);
        outer.put("alias", null);
        // When
        var text = CanonicalJson.write(CanonicalJson.tree(outer));
        // Then
        assertThat(text).isEqualTo("{\"alias\":null,\"metrics\":{\"y\":[{\"b\":true},\"x\"],\"z\":1},\"version\":3}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.50 | 1.5", "1.5e0 | 1.5", "15E-1 | 1.5", "100 | 100", "1e2 | 100", "100.000 | 100", "0.0 | 0",
            "-0 | 0", "1.0E-5 | 0.00001", "0.000010 | 0.00001",
            "0.1000000000000000055511151231257827 | 0.1000000000000000055511151231257827" })
    void writesEqualNumbersOneWayWithoutLosingDigits(String written, String canonical) {
        // When
        var text = CanonicalJson.write(CanonicalJson.parse(written));
        // Then
        assertThat(text).isEqualTo(canonical);
    }

    @Test
    void writesADoubleAsTheDecimalJacksonPrintsForIt() {
        // When
        var text = CanonicalJson.write(CanonicalJson.tree(Map.of("f1", 0.71, "loss", 1.0E-7, "n", 120.0)));
        // Then
        assertThat(text).isEqualTo("{\"f1\":0.71,\"loss\":0.0000001,\"n\":120}");
    }

    @Test
    void escapesStringsOneWay() {
        // When
        var text = CanonicalJson.write(CanonicalJson.tree(List.of("quote \" backslash \\ newline \n tab \t unit \u001f / é ✓")));
        // Then
        assertThat(text).isEqualTo("[\"quote \\\" backslash \\\\ newline \\n tab \\t unit \\u001F / é ✓\"]");
    }

    @Test
    void treatsJsonNullAsNothing() {
        // When
        var tree = CanonicalJson.parse("null");
        // Then
        assertThat(tree).isNull();
        assertThat(CanonicalJson.write(tree)).isEqualTo("null");
    }
}
