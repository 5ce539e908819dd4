package fr.rdz.intake.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final Attribution SESSION = new Attribution("google", "", null, "", "", "", "fb-1");
    private static final Attribution VISIT = new Attribution("bing", "cpc", "pac", "", "", "gcl-1", "fb-2");

    @Test
    void aLaterVisitFillsOnlyTheEmptyFieldsOfTheFirstTouch() {
        assertThat(SESSION.firstTouchFill(VISIT)).isEqualTo(new Attribution("", "cpc", "pac", "", "", "gcl-1", ""));
        assertThat(SESSION.filledWith(VISIT))
                .isEqualTo(new Attribution("google", "cpc", "pac", "", "", "gcl-1", "fb-1"));
    }

    @Test
    void aLeadKeepsWhatItsSubmissionNamesAndTakesTheRestFromItsSessionsFirstTouch() {
        Attribution submitted = new Attribution(" bing ", "  ", null, "ad-2", null, "", null);
        assertThat(submitted.submittedOver(SESSION))
                .isEqualTo(new Attribution("bing", null, null, "ad-2", null, null, "fb-1"));
        assertThat(submitted.submittedOver(Attribution.NONE))
                .isEqualTo(new Attribution("bing", null, null, "ad-2", null, null, null));
    }

    @Test
    void anEmptyVisitFillsNothing() {
        assertThat(SESSION.firstTouchFill(Attribution.NONE)).isEqualTo(Attribution.NONE);
        assertThat(SESSION.filledWith(Attribution.NONE)).isEqualTo(SESSION);
    }
}
