package fr.rdz.routing.lead.application;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/** A searched name as a regular expression that ignores accents (« helene » finds « Hélène »); case is left to the caller. */
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

    private NameMatch() {}

    public static String pattern(String word) {
        String plain =
                Normalizer.normalize(word.toLowerCase(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder regex = new StringBuilder();
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
        return regex.toString();
    }
}
