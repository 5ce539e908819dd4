package fr.rdz.notifier.email.mail;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.application.MailRenderer;
import fr.rdz.notifier.email.config.NotifierProperties;
import fr.rdz.notifier.email.domain.MailSummary;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The entity's French templates, rendered with FreeMarker: {@code <ENTITY>/subject.ftl},
 * {@code <ENTITY>/body.txt.ftl} and {@code <ENTITY>/body.html.ftlh} (HTML auto-escaped). A file
 * in {@code rdz.notifier.templates-dir} wins over the default of the same name on the classpath
 * ({@code templates/mail/}); edited files are picked up within 5 seconds, no restart. Every
 * template of both entities is loaded at start, so a broken override stops the service at once.
 */
@Component
class FreemarkerMailRenderer implements MailRenderer {

    private static final Logger log = LoggerFactory.getLogger(FreemarkerMailRenderer.class);

    static final String CLASSPATH_ROOT = "/templates/mail";
    static final List<String> TEMPLATES = List.of("subject.ftl", "body.txt.ftl", "body.html.ftlh");

    private final Configuration freemarker;

    FreemarkerMailRenderer(NotifierProperties properties) {
        this.freemarker = configuration(properties.templatesDir());
        for (Entity entity : Entity.values()) {
            for (String name : TEMPLATES) {
                try {
                    freemarker.getTemplate(entity + "/" + name);
                } catch (IOException e) {
                    throw new IllegalStateException("e-mail template " + entity + "/" + name + " cannot be loaded", e);
                }
            }
        }
    }

    @Override
    public RenderedMail render(Entity entity, MailSummary summary) {
        Map<String, Object> model = summary.model();
        return new RenderedMail(
                render(entity + "/subject.ftl", model).strip().replaceAll("\\s+", " "),
                render(entity + "/body.txt.ftl", model),
                render(entity + "/body.html.ftlh", model));
    }

    private String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("e-mail template " + name + " cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("e-mail template " + name + " failed: " + e.getMessage(), e);
        }
    }

    static Configuration configuration(String templatesDir) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (templatesDir != null && !templatesDir.isBlank()) {
            File dir = new File(templatesDir);
            if (dir.isDirectory()) {
                try {
                    loaders.add(new FileTemplateLoader(dir));
                    log.info("e-mail templates: {} first, then the classpath defaults", dir.getAbsolutePath());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                log.warn("rdz.notifier.templates-dir {} is not a directory: classpath defaults only", templatesDir);
            }
        }
        loaders.add(new ClassTemplateLoader(FreemarkerMailRenderer.class, CLASSPATH_ROOT));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.FRANCE);
        cfg.setNumberFormat("computer");
        cfg.setTemplateUpdateDelayMilliseconds(5000);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        return cfg;
    }
}
