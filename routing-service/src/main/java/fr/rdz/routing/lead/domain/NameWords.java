package fr.rdz.routing.lead.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a name as the lead search compares them: lower-case, accents removed (« Hélène » is
 * {@code helene}), cut at every character that is neither a letter nor a digit (« Marie-Hélène
 * d'Arc » is {@code marie}, {@code helene}, {@code d}, {@code arc}). A searched word finds a lead when it
 * is one of the words of its nom or prénom: the lead search reads it by key ({@code lead_lookup}
 * {@code name:<word>}) instead of scanning every lead.
 */
public final class NameWords {

    private NameWords() {}

    /** The distinct words of {@code text}, in order (empty for null or blank). */
    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }

    /** The distinct words of a nom and a prénom together. */
    public static List<String> ofPerson(String nom, String prenom) {
        Set<String> words = new LinkedHashSet<>(of(nom));
        words.addAll(of(prenom));
        return new ArrayList<>(words);
    }
}
