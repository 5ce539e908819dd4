package fr.rdz.notifier.email.mail;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.config.NotifierProperties;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** One {@link JavaMailSenderImpl} per entity, built from {@code rdz.notifier.entities.<ENTITY>.smtp}; checked at start. */
@Component
public class EntityMailSenders {

    private final Map<Entity, JavaMailSenderImpl> senders = new EnumMap<>(Entity.class);
    private final Map<Entity, String> fromAddresses = new EnumMap<>(Entity.class);

    public EntityMailSenders(NotifierProperties properties) {
        for (Entity entity : Entity.values()) {
            NotifierProperties.Smtp smtp = properties.smtp(entity);
            senders.put(entity, sender(smtp));
            fromAddresses.put(entity, smtp.from());
        }
    }

    public JavaMailSenderImpl sender(Entity entity) {
        return senders.get(entity);
    }

    public String from(Entity entity) {
        return fromAddresses.get(entity);
    }

    static JavaMailSenderImpl sender(NotifierProperties.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.portOrDefault());
        sender.setDefaultEncoding("UTF-8");
        boolean auth = smtp.username() != null && !smtp.username().isBlank();
        if (auth) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        if (smtp.ssl()) {
            sender.setProtocol("smtps");
        }
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        String timeout = Long.toString(smtp.timeoutOrDefault().toMillis());
        Properties props = sender.getJavaMailProperties();
        props.put("mail." + protocol + ".auth", Boolean.toString(auth));
        props.put("mail." + protocol + ".starttls.enable", Boolean.toString(smtp.starttls()));
        props.put("mail." + protocol + ".starttls.required", Boolean.toString(smtp.starttls()));
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        return sender;
    }
}
