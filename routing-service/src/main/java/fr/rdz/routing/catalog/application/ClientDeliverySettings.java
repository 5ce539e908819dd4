package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.notBlank;
import static fr.rdz.routing.catalog.application.CatalogEdits.require;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Pii;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a client is delivered: by e-mail to at least one valid address (the default channel), by
 * API to an http(s) URL with a key, or both; addresses are trimmed and counted once.
 */
final class ClientDeliverySettings {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ClientDeliverySettings() {}

    /** Checks the delivery settings of {@code terms}; a key is required for API delivery only when the client is new. */
    static void check(ClientTerms terms, boolean isNew) {
        DeliveryChannel channel = channel(terms);
        List<String> emails = emails(terms);
        for (String email : emails) {
            require(EMAIL.matcher(email).matches(), "invalid e-mail address: " + Pii.maskEmail(email));
        }
        if (channel.byEmail()) {
            require(!emails.isEmpty(), "emails must hold at least one address for delivery_channel " + wire(channel));
        }
        if (notBlank(terms.apiUrl())) {
            require(isHttpUrl(terms.apiUrl().trim()), "api_url must be an http(s) URL");
        }
        if (channel.byApi()) {
            require(notBlank(terms.apiUrl()), "api_url is required for delivery_channel " + wire(channel));
            if (isNew) {
                requireKeyForApi(channel, notBlank(terms.apiKey()) ? "set" : null);
            }
        }
    }

    static void requireKeyForApi(DeliveryChannel channel, String key) {
        require(!channel.byApi() || key != null, "api_key is required for delivery_channel " + wire(channel));
    }

    static String wire(DeliveryChannel channel) {
        return channel.name().toLowerCase();
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static DeliveryChannel channel(ClientTerms terms) {
        return terms.deliveryChannel() == null ? DeliveryChannel.EMAIL : terms.deliveryChannel();
    }

    static List<String> emails(ClientTerms terms) {
        return terms.emails() == null
                ? List.of()
                : terms.emails().stream()
                        .filter(CatalogEdits::notBlank)
                        .map(String::trim)
                        .distinct()
                        .toList();
    }
}
