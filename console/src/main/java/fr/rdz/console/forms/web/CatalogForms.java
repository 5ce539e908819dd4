package fr.rdz.console.forms.web;

import fr.rdz.console.pages.support.FieldErrors;
import fr.rdz.console.pages.support.Labels;
import fr.rdz.console.pages.support.PageOperator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** The form and LP page forms as typed, their checks in French (every field at once), routing's bodies. */
final class CatalogForms {

    private CatalogForms() {}

    /** A lead form (code, entity and product fixed once created). */
    record FormForm(String code, String entity, String product, String name, String lpCode, String redirectUrl) {

        static final Set<String> FIELDS = Set.of("code", "entity", "product", "name", "lp_code", "redirect_url");

        static FormForm empty(PageOperator op) {
            return new FormForm("", op.entities().get(0), "PV", "", "", "");
        }

        static FormForm from(MultiValueMap<String, String> data) {
            return new FormForm(
                    t(data.getFirst("code")).toUpperCase(java.util.Locale.ROOT),
                    t(data.getFirst("entity")),
                    t(data.getFirst("product")),
                    t(data.getFirst("name")),
                    t(data.getFirst("lp_code")),
                    t(data.getFirst("redirect_url")));
        }

        static FormForm of(Map<String, Object> f) {
            return new FormForm(
                    s(f.get("code")),
                    s(f.get("entity")),
                    s(f.get("product")),
                    s(f.get("name")),
                    s(f.get("lp_code")),
                    s(f.get("redirect_url")));
        }

        FieldErrors check(PageOperator op, boolean creating) {
            FieldErrors errors = new FieldErrors();
            checkEntity(errors, op, entity);
            if (!Labels.PRODUCTS.containsKey(product)) {
                errors.reject("product", "Choisissez le produit : PV, PAC ou ITE.");
            }
            if (creating
                    && !code.isEmpty()
                    && Labels.PRODUCTS.containsKey(product)
                    && !code.matches(product + "-\\d{3,}")) {
                errors.reject(
                        "code", "Le code doit être de la forme " + product + "-001 (ou vide pour le suivant libre).");
            }
            if (name.isEmpty()) {
                errors.reject("name", "Le nom du formulaire est obligatoire.");
            }
            if (lpCode.isEmpty()) {
                errors.reject("lp_code", "Choisissez la LP liée à ce formulaire.");
            }
            if (!redirectUrl.isEmpty() && !redirectUrl.matches("(?i)^https?://\\S+$")) {
                errors.reject("redirect_url", "L'URL de redirection doit commencer par http:// ou https://.");
            }
            return errors;
        }

        Map<String, Object> createBody() {
            Map<String, Object> body = updateBody();
            body.put("entity", entity);
            if (!code.isEmpty()) {
                body.put("code", code);
            }
            return body;
        }

        Map<String, Object> updateBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("product", product);
            body.put("lp_code", lpCode.isEmpty() ? null : lpCode);
            body.put("redirect_url", redirectUrl.isEmpty() ? null : redirectUrl);
            return body;
        }
    }

    /** A landing page. */
    record LpForm(String code, String entity, String name, String url, String formCode) {

        static final Set<String> FIELDS = Set.of("code", "entity", "name", "url", "form_code");

        static LpForm empty(PageOperator op) {
            return new LpForm("", op.entities().get(0), "", "", "");
        }

        static LpForm from(MultiValueMap<String, String> data) {
            return new LpForm(
                    t(data.getFirst("code")).toUpperCase(java.util.Locale.ROOT),
                    t(data.getFirst("entity")),
                    t(data.getFirst("name")),
                    t(data.getFirst("url")),
                    t(data.getFirst("form_code")));
        }

        static LpForm of(Map<String, Object> lp) {
            return new LpForm(
                    s(lp.get("code")),
                    s(lp.get("entity")),
                    s(lp.get("name")),
                    s(lp.get("url")),
                    s(lp.get("form_code")));
        }

        FieldErrors check(PageOperator op, boolean creating) {
            FieldErrors errors = new FieldErrors();
            checkEntity(errors, op, entity);
            if (creating && !code.isEmpty() && !code.matches("LP-\\d{3,}")) {
                errors.reject("code", "Le code doit être de la forme LP-001 (ou vide pour le suivant libre).");
            }
            if (name.isEmpty()) {
                errors.reject("name", "Le nom de la LP est obligatoire.");
            }
            if (!url.isEmpty() && !url.matches("(?i)^https?://\\S+$")) {
                errors.reject("url", "L'adresse de la LP doit commencer par http:// ou https://.");
            }
            return errors;
        }

        Map<String, Object> createBody() {
            Map<String, Object> body = updateBody();
            body.put("entity", entity);
            if (!code.isEmpty()) {
                body.put("code", code);
            }
            return body;
        }

        Map<String, Object> updateBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("url", url.isEmpty() ? null : url);
            body.put("form_code", formCode.isEmpty() ? null : formCode);
            return body;
        }
    }

    private static void checkEntity(FieldErrors errors, PageOperator op, String entity) {
        if (entity.isEmpty()) {
            errors.reject("entity", "Choisissez l'entité (ZR7 ou MDL).");
        } else if (!op.entities().contains(entity)) {
            errors.reject("entity", "Entité hors de votre périmètre : " + op.entities() + ".");
        }
    }

    private static String t(String s) {
        return s == null ? "" : s.trim();
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }
}
