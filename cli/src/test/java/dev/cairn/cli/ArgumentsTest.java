package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void separatesPositionalArgumentsSwitchesAndOptions() throws Exception {
        // Given
        var words = List.of("churn", "--alias", "champion", "4", "--dry");
        // When
        var args = Arguments.parse(words, Set.of("dry"), Set.of("alias"));
        // Then
        assertThat(args.positional()).containsExactly("churn", "4");
        assertThat(args.has("dry")).isTrue();
        assertThat(args.option("alias")).contains("champion");
    }

    @Test
    void failsOnAnOptionItDoesNotKnowSoTyposDoNotPassSilently() {
        // Given
        var words = List.of("churn", "--alais", "champion");
        // When
        var thrown = catchThrowable(() -> Arguments.parse(words, Set.of(), Set.of("alias")));
        // Then
        assertThat(thrown).isInstanceOf(UsageException.class).hasMessage("Unknown option --alais");
    }
}
