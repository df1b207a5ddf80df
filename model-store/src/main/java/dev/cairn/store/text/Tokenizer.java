package dev.cairn.store.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words, the same way when training and when serving. A word is a run of Unicode letters,
 * digits and combining marks, possibly joined by apostrophes ({@code don't}, {@code l'été}); everything else
 * (spaces, punctuation, symbols, emoji) separates words. The text is first brought to Unicode normal form NFC,
 * so a letter typed as base plus accent matches the precomposed one, and the typographic apostrophe
 * {@code ’} is read as {@code '}. Lower-casing uses {@link Locale#ROOT}, never the machine's locale: a Turkish
 * server must not turn {@code I} into a dotless {@code ı}.
 */
public final class Tokenizer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(?:'[\\p{L}\\p{N}\\p{M}]+)*");

    private Tokenizer() {
    }

    /** @return the words in order of appearance; none for null or blank text */
    public static List<String> words(String text, boolean lowercase) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u2019', '\'');
        if (lowercase) {
            normal = normal.toLowerCase(Locale.ROOT);
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normal);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /**
     * Word n-grams for every n from {@code min} to {@code max}, words joined by one space, in order of
     * appearance: for {@code [a, b, c]} and 1..2, {@code a, b, c, a b, b c}.
     */
    public static List<String> ngrams(List<String> words, int min, int max) {
        List<String> grams = new ArrayList<>();
        for (int n = min; n <= max; n++) {
            for (int start = 0; start + n <= words.size(); start++) {
                grams.add(n == 1 ? words.get(start) : String.join(" ", words.subList(start, start + n)));
            }
        }
        return grams;
    }
}
