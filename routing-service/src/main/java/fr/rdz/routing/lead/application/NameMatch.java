package fr.rdz.routing.lead.application;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A searched word as a regular expression that ignores accents (« helene » finds « Hélène ») and matches
 * a whole word of the name ({@link fr.rdz.routing.lead.domain.NameWords}: « helene » finds « Marie-Hélène »,
 * not « Helenette »), as the {@code name:<word>} keys of {@code lead_lookup}; case is left to the caller.
 */
public final class NameMatch {

    private static final Map<Character, String> VARIANTS = Map.of(
            'a', "aàâäáã",
            'c', "cç",
            'e', "eéèêë",
            'i', "iîïíì",
            'o', "oôöóò",
            'u', "uùûüú",
            'y', "yÿ",
            'n', "nñ");

    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";

    private NameMatch() {}

    public static String pattern(String word) {
        String plain =
                Normalizer.normalize(word.toLowerCase(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder regex = new StringBuilder(WORD_START);
        for (char ch : plain.toCharArray()) {
            String variants = VARIANTS.get(ch);
            if (variants != null) {
                regex.append('[')
                        .append(variants)
                        .append(variants.toUpperCase())
                        .append(']');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return regex.append(WORD_END).toString();
    }
}
