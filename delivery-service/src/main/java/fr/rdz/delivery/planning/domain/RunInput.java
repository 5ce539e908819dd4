package fr.rdz.delivery.planning.domain;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Everything a run decides from: the entity and date, the pool (leads of both entities when a
 * commande allows cross-entity), the commandes and clients, and the ledger lines of the 30 days
 * before the reference instant (enough for duplicates and the ISO week).
 */
public record RunInput(
        Entity entity,
        LocalDate date,
        Collection<PoolLead> pool,
        Collection<CommandeSnapshot> commandes,
        Collection<ClientSnapshot> clients,
        Collection<Delivery> ledger) {}
