package fr.rdz.notifier.email.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.mail.EntityMailSenders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The SMTP accounts as the real configuration files and the environment give them (no Spring context). */
class NotifierPropertiesBindingTest {

    @Test
    void theLocalProfilePutsBothEntitiesOnTheSmtpCatcherWithTheirOwnFromAddress() throws IOException {
        NotifierProperties properties = bind(Map.of(), "application.yml", "application-local.yml");

        assertThat(properties.smtp(Entity.ZR7).host()).isEqualTo("localhost");
        assertThat(properties.smtp(Entity.ZR7).portOrDefault()).isEqualTo(2525);
        assertThat(properties.smtp(Entity.MDL).portOrDefault()).isEqualTo(2525);
        assertThat(properties.smtp(Entity.ZR7).from()).contains("livraison@zr7.local");
        assertThat(properties.smtp(Entity.MDL).from()).contains("livraison@mdl.local");
    }

    @Test
    void theEnvironmentSetsEachAccountAsDockerComposeDoes() throws IOException {
        NotifierProperties properties = bind(
                Map.of(
                        "RDZ_NOTIFIER_ENTITIES_ZR7_SMTP_HOST", "mailpit",
                        "RDZ_NOTIFIER_ENTITIES_ZR7_SMTP_PORT", "1025",
                        "RDZ_NOTIFIER_ENTITIES_MDL_SMTP_HOST", "smtp.mdl.example",
                        "RDZ_NOTIFIER_ENTITIES_MDL_SMTP_USERNAME", "livraison@mdl.example",
                        "RDZ_NOTIFIER_ENTITIES_MDL_SMTP_PASSWORD", "s3cret-password",
                        "RDZ_NOTIFIER_ENTITIES_MDL_SMTP_STARTTLS", "true"),
                "application.yml");

        assertThat(properties.smtp(Entity.ZR7).host()).isEqualTo("mailpit");
        assertThat(properties.smtp(Entity.ZR7).portOrDefault()).isEqualTo(1025);
        assertThat(properties.smtp(Entity.ZR7).from()).contains("livraison@zr7.local");
        assertThat(properties.smtp(Entity.MDL).host()).isEqualTo("smtp.mdl.example");
        assertThat(properties.smtp(Entity.MDL).portOrDefault()).isEqualTo(587);
        assertThat(properties.smtp(Entity.MDL).starttls()).isTrue();
        assertThat(properties.smtp(Entity.MDL).toString()).doesNotContain("s3cret-password");
        new EntityMailSenders(properties);
    }

    @Test
    void refusesToStartWithoutTheHostOfAnEntity() throws IOException {
        NotifierProperties properties =
                bind(Map.of("RDZ_NOTIFIER_ENTITIES_ZR7_SMTP_HOST", "smtp.zr7.example"), "application.yml");

        assertThatThrownBy(() -> new EntityMailSenders(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rdz.notifier.entities.MDL.smtp.host");
    }

    static NotifierProperties bind(Map<String, Object> environment, String... files) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("env", environment));
        List<PropertySource<?>> yaml = new ArrayList<>();
        for (String file : files) {
            yaml.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        for (int i = yaml.size() - 1; i >= 0; i--) {
            sources.addLast(yaml.get(i));
        }
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources),
                ApplicationConversionService.getSharedInstance());
        return binder.bind("rdz.notifier", NotifierProperties.class).get();
    }
}
