package dev.cairn.api.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.problem.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelAliasTest {

    @ParameterizedTest
    @ValueSource(strings = { "production", "champion", "staging", "canary-2", "v2", "a",
            "forty-characters-long-alias-name-1234567" })
    void acceptsLowercaseLettersDigitsAndDashes(String name) {
        // When
        var check = assertThatCode(() -> ModelAlias.requireValidName(name));
        // Then
        check.doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Production", "prod_1", "prod.1", "-prod", "", "3", "42",
            "a-forty-one-character-long-alias-name-xyz" })
    void refusesOtherNamesAndNamesThatLookLikeVersionNumbers(String name) {
        // When
        var thrown = assertThatThrownBy(() -> ModelAlias.requireValidName(name));
        // Then
        thrown.isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).slug()).isEqualTo("invalid-alias-name");
    }
}
