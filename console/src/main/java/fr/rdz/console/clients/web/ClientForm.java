package fr.rdz.console.clients.web;

import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.PageOperator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The client page form as typed (strings, so that a refused form is shown back as it was), its
 * checks in French — every field at once — and the JSON body routing's {@code /admin/clients} takes.
 */
public record ClientForm(
        String entity,
        String name,
        String emails,
        String deliveryChannel,
        String apiUrl,
        String apiKey,
        boolean removeApiKey,
        boolean active) {

    static final Set<String> FIELDS =
            Set.of("entity", "name", "emails", "delivery_channel", "api_url", "api_key", "active");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+$");

    static ClientForm empty(PageOperator operator) {
        return new ClientForm(operator.entities().get(0), "", "", "email", "", "", false, true);
    }

    static ClientForm from(MultiValueMap<String, String> data) {
        return new ClientForm(
                trim(data.getFirst("entity")),
                trim(data.getFirst("name")),
                data.getFirst("emails") == null ? "" : data.getFirst("emails").trim(),
                trim(data.getFirst("delivery_channel")),
                trim(data.getFirst("api_url")),
                data.getFirst("api_key") == null ? "" : data.getFirst("api_key").trim(),
                data.containsKey("remove_api_key"),
                data.containsKey("active"));
    }

    @SuppressWarnings("unchecked")
    static ClientForm of(Map<String, Object> client) {
        List<String> emails = (List<String>) client.getOrDefault("emails", List.of());
        return new ClientForm(
                str(client.get("entity")),
                str(client.get("name")),
                String.join("\n", emails == null ? List.of() : emails),
                str(client.get("delivery_channel")),
                str(client.get("api_url")),
                "",
                false,
                Boolean.TRUE.equals(client.get("active")));
    }

    List<String> emailList() {
        return Arrays.stream(emails.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    boolean wantsEmail() {
        return "email".equals(deliveryChannel) || "both".equals(deliveryChannel);
    }

    boolean wantsApi() {
        return "api".equals(deliveryChannel) || "both".equals(deliveryChannel);
    }

    /** Every problem of the form at once, in French. {@code creating}: a key is required for an API channel. */
    FieldErrors check(PageOperator operator, boolean creating, boolean hasStoredKey) {
        FieldErrors errors = new FieldErrors();
        if (entity.isEmpty()) {
            errors.reject("entity", "Choisissez l'entité (ZR7 ou MDL).");
        } else if (!operator.entities().contains(entity)) {
            errors.reject("entity", "Entité hors de votre périmètre : " + operator.entities() + ".");
        }
        if (name.isEmpty()) {
            errors.reject("name", "Le nom du client est obligatoire.");
        } else if (name.length() > 200) {
            errors.reject("name", "Le nom ne peut dépasser 200 caractères.");
        }
        if (!List.of("email", "api", "both").contains(deliveryChannel)) {
            errors.reject("delivery_channel", "Choisissez le canal de livraison : e-mail, API ou les deux.");
        }
        List<String> list = emailList();
        List<String> wrong =
                list.stream().filter(e -> !EMAIL.matcher(e).matches()).toList();
        if (!wrong.isEmpty()) {
            errors.reject("emails", "Adresse(s) e-mail invalide(s) : " + String.join(", ", wrong) + ".");
        } else if (wantsEmail() && list.isEmpty()) {
            errors.reject("emails", "Au moins une adresse e-mail est obligatoire pour une livraison par e-mail.");
        }
        if (wantsApi()) {
            if (apiUrl.isEmpty()) {
                errors.reject("api_url", "L'URL de l'API du CRM est obligatoire pour une livraison par API.");
            } else if (!apiUrl.matches("(?i)^https?://\\S+$")) {
                errors.reject("api_url", "L'URL doit commencer par http:// ou https://.");
            }
            boolean keyWillExist = !apiKey.isEmpty() || (!creating && hasStoredKey && !removeApiKey);
            if (!keyWillExist) {
                errors.reject("api_key", "La clé API du CRM est obligatoire pour une livraison par API.");
            }
        } else if (!apiUrl.isEmpty() && !apiUrl.matches("(?i)^https?://\\S+$")) {
            errors.reject("api_url", "L'URL doit commencer par http:// ou https://.");
        }
        return errors;
    }

    /** Routing's body: {@code api_key} left out to keep the stored key, {@code ""} to remove it. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", entity);
        body.put("name", name);
        body.put("emails", emailList());
        body.put("delivery_channel", deliveryChannel);
        body.put("api_url", apiUrl.isEmpty() ? null : apiUrl);
        if (removeApiKey) {
            body.put("api_key", "");
        } else if (!apiKey.isEmpty()) {
            body.put("api_key", apiKey);
        }
        body.put("active", active);
        return body;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @Override
    public String toString() {
        return "ClientForm[entity=" + entity + ", name=" + name + ", channel=" + deliveryChannel + "]";
    }
}
