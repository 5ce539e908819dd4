package fr.rdz.notifier.email.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.text.Normalizer;
import java.time.LocalDate;

/**
 * The attachment name {@code <ENTITY>_<PRODUCT>_<client>_<YYYY-MM-DD>.csv}. The client part is the
 * client's name made safe for every file system and mail client: accents dropped
 * ({@code Énergie} → {@code Energie}), every run of characters other than ASCII letters and digits
 * replaced by one {@code -} (so {@code _} stays the separator of the four parts), no leading or
 * trailing {@code -}, at most 60 characters; the client id (made safe the same way) when nothing is
 * left, {@code client} when there is no id either.
 */
public final class CsvFileNameRule {

    static final int MAX_CLIENT_LENGTH = 60;

    private CsvFileNameRule() {}

    public static String fileName(Entity entity, Product product, String clientName, String clientId, LocalDate date) {
        String client = safe(clientName);
        if (client.isEmpty()) {
            client = safe(clientId);
        }
        if (client.isEmpty()) {
            client = "client";
        }
        return entity.name() + "_" + product.name() + "_" + client + "_" + date + ".csv";
    }

    static String safe(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (safe.length() > MAX_CLIENT_LENGTH) {
            safe = safe.substring(0, MAX_CLIENT_LENGTH).replaceAll("-+$", "");
        }
        return safe;
    }
}
