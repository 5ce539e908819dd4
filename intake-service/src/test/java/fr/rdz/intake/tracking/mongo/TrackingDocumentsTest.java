package fr.rdz.intake.tracking.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.intake.tracking.application.TrackingEvent;
import fr.rdz.intake.tracking.application.VisitorSession;
import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The tracking path writes its documents field by field: exactly what Spring Data's mapping of the stored records
 * wrote before (same fields, null ones left out, same {@code _class}), and it reads back what Spring Data wrote.
 */
class TrackingDocumentsTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final Attribution GOOGLE = new Attribution("google", "cpc", "pac", "", "", "gcl-1", "");

    private final MappingMongoConverter spring = converter();

    @Test
    void aNewSessionIsStoredAsTheSessionRecordWasMapped() {
        VisitorSession session = new VisitorSession(
                "s-1", "visitor-1", "LP-1", "F-1", "LP-1_F-1", "https://ref", "ua", GOOGLE, "10.0.0.1", AT);
        Document mapped = mapped(new VisitorSessionDocument(
                "s-1",
                "visitor-1",
                "LP-1",
                "F-1",
                "LP-1_F-1",
                "https://ref",
                "ua",
                "google",
                "cpc",
                "pac",
                "",
                "",
                "gcl-1",
                "",
                "10.0.0.1",
                AT,
                "active",
                null));

        assertThat(TrackingDocuments.session(session)).isEqualTo(mapped);
        assertThat(TrackingDocuments.session(mapped)).isEqualTo(session);
    }

    @Test
    void anErasedSessionReadsWithoutItsVisitorData() {
        Document mapped = mapped(new VisitorSessionDocument(
                "s-2",
                null,
                "LP-1",
                "F-1",
                "LP-1_F-1",
                null,
                null,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                null,
                AT,
                "converted",
                "lead-1"));

        assertThat(TrackingDocuments.session(mapped))
                .isEqualTo(new VisitorSession(
                        "s-2", null, "LP-1", "F-1", "LP-1_F-1", null, null, Attribution.NONE, null, AT));
    }

    @Test
    void theVisitorLpPointerIsStoredAsItsRecordWasMapped() {
        VisitorSession session = new VisitorSession(
                "s-1", "visitor-1", "LP-1", "F-1", "LP-1_F-1", "", "ua", Attribution.NONE, "10.0.0.1", AT);

        assertThat(TrackingDocuments.latestSession(session))
                .isEqualTo(mapped(
                        new VisitorLpSessionDocument(VisitorLpSessionDocument.key("visitor-1", "LP-1"), "s-1", AT)));
    }

    @Test
    void anLpVisitWithoutFormNorLiaisonIsStoredAsItsRecordWasMapped() {
        TrackingEvent visit = new TrackingEvent(
                "s-1:lp_visit",
                "e-1",
                "s-1",
                "visitor-1",
                "lp_visit",
                "LP-1",
                null,
                null,
                GOOGLE,
                "",
                "ua",
                "10.0.0.1",
                AT);

        assertThat(TrackingDocuments.event(visit))
                .isEqualTo(mapped(new TrackingEventDocument(
                        "s-1:lp_visit",
                        "e-1",
                        "s-1",
                        "visitor-1",
                        "lp_visit",
                        "LP-1",
                        null,
                        null,
                        "google",
                        "cpc",
                        "pac",
                        "",
                        "",
                        "gcl-1",
                        "",
                        "",
                        "ua",
                        "10.0.0.1",
                        AT)));
    }

    @Test
    void theFirstTouchFillSetsOnlyTheFieldsItHolds() {
        Attribution fill = new Attribution("", "", "", "content", "", "", "fb-1")
                .firstTouchFill(new Attribution("google", "", "", "other", "", "", "fb-2"));

        assertThat(TrackingDocuments.firstTouchFill(fill)).isEqualTo(new Document("utmSource", "google"));
        assertThat(TrackingDocuments.firstTouchFill(Attribution.NONE)).isEmpty();
    }

    private Document mapped(Object record) {
        Document document = new Document();
        spring.write(record, document);
        return document;
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
