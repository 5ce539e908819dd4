package fr.rdz.routing.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import org.junit.jupiter.api.Test;

class SameEntityTest {

    @Test
    void anItemOfTheSameEntityMayBeLinked() {
        assertThat(SameEntity.breach("client 42", Entity.ZR7, Entity.ZR7)).isEmpty();
        assertThat(SameEntity.breach("LP LP-001", Entity.MDL, Entity.MDL)).isEmpty();
    }

    @Test
    void anItemOfTheOtherEntityIsRefusedSayingWhoseItIs() {
        assertThat(SameEntity.breach("form PV-001", Entity.MDL, Entity.ZR7))
                .contains("form PV-001 belongs to entity MDL, not ZR7");
        assertThat(SameEntity.breach("client 42", Entity.ZR7, Entity.MDL))
                .contains("client 42 belongs to entity ZR7, not MDL");
    }
}
