package fr.rdz.routing.consent.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's withdrawal of consent (opposition), keyed by the hash of their phone (no phone in
 * clear): routing reads it by {@code _id} for every lead it routes, so a later lead of that person
 * is never delivered either. {@code withdrawn_at} is the first withdrawal; {@code via}:
 * {@code phone_email} or {@code signed_link}.
 */
@Document("consent_withdrawals")
public record ConsentWithdrawalDocument(@Id String phoneHash, Instant withdrawnAt, String via) {}
