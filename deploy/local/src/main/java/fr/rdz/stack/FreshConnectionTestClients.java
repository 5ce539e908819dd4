package fr.rdz.stack;

import java.util.List;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The {@link WebTestClient} of every {@code @SpringBootTest} with a running server opens a new connection per
 * request instead of reusing pooled ones.
 *
 * <p>Why: with reactor-netty 1.2.18's pooled client, a request now and then got no answer for 30-120 s while every
 * thread of the test JVM was idle; {@code ss} showed the service's whole response waiting, unread, in the receive
 * queue of the client's socket (a pooled channel left without reading, the class of reactor-netty #196/#4029). The
 * services answered; the test client did not read. Connections of the services' own clients are left as they are.
 *
 * <p>This one is the primary {@code WebTestClient} of the context, beside Boot's; it is created at first injection
 * (the server's port is known by then), with the application's codec customizers, as Boot's is.
 */
public final class FreshConnectionTestClients implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        SpringBootTest test = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(SpringBootTest.class)
                .synthesize(a -> a.isPresent())
                .orElse(null);
        if (test == null || !test.webEnvironment().isEmbedded()) {
            return null;
        }
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            if (beans instanceof BeanDefinitionRegistry registry) {
                RootBeanDefinition client = new RootBeanDefinition(ClientFactory.class);
                client.setLazyInit(true);
                client.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, WebTestClient.class);
                // preferred to the one Boot registers beside it
                client.setPrimary(true);
                registry.registerBeanDefinition("rdzFreshConnectionWebTestClient", client);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }

    static final class ClientFactory implements FactoryBean<WebTestClient>, ApplicationContextAware {

        private ApplicationContext context;
        private WebTestClient client;

        @Override
        public void setApplicationContext(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean isSingleton() {
            return true;
        }

        @Override
        public Class<?> getObjectType() {
            return WebTestClient.class;
        }

        @Override
        public synchronized WebTestClient getObject() {
            if (client == null) {
                String port = context.getEnvironment().getProperty("local.server.port", "8080");
                client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                        .baseUrl("http://localhost:" + port)
                        .codecs(codecs -> context.getBeanProvider(CodecCustomizer.class)
                                .orderedStream()
                                .forEach(customizer -> customizer.customize(codecs)))
                        .build();
            }
            return client;
        }
    }
}
