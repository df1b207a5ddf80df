package dev.cairn.store.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsOnEverythingButLettersDigitsAndInnerApostrophes() {
        // When
        var words = Tokenizer.words("Don’t PANIC: naïve café, 42 times!! -- 'quoted'", true);
        // Then
        assertThat(words).containsExactly("don't", "panic", "naïve", "café", "42", "times", "quoted");
    }

    @Test
    void readsEveryScriptAndComposesAccents() {
        // Given: "café" typed as e + combining acute accent
        var decomposed = "cafe\u0301 Привет, мир! 東京 2020 Ελλάδα";
        // When
        var words = Tokenizer.words(decomposed, true);
        // Then
        assertThat(words).containsExactly("café", "привет", "мир", "東京", "2020", "ελλάδα");
        assertThat(words.getFirst()).hasSize(4);
    }

    @Test
    void keepsCaseWhenAskedAndLowerCasesWithoutTheMachinesLocale() {
        assertThat(Tokenizer.words("TITLE Istanbul", false)).containsExactly("TITLE", "Istanbul");
        assertThat(Tokenizer.words("TITLE Istanbul", true)).containsExactly("title", "istanbul");
        assertThat(Tokenizer.words(null, true)).isEmpty();
        assertThat(Tokenizer.words(" ... ", true)).isEmpty();
    }

    @Test
    void makesWordNGramsOfEveryLengthInTheRange() {
        // When
        var grams = Tokenizer.ngrams(List.of("new", "york", "city"), 1, 3);
        // Then
        assertThat(grams).containsExactly("new", "york", "city", "new york", "york city", "new york city");
        assertThat(Tokenizer.ngrams(List.of("one"), 2, 2)).isEmpty();
    }
}
