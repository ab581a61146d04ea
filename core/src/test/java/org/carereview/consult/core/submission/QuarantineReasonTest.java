package org.carereview.consult.core.submission;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuarantineReasonTest {

    @Test
    void staffReadEachStoredReasonInWords() {
        assertEquals("Filled in a hidden field that people never see", QuarantineReason.describe("HONEYPOT"));
        assertEquals("Sent faster than a person could read the questions", QuarantineReason.describe("TOO_FAST"));
    }

    @Test
    void aMissingOrUnknownReasonReadsAsPossibleSpamOnEveryPage() {
        assertEquals("Possible spam", QuarantineReason.describe(null));
        assertEquals("Possible spam", QuarantineReason.describe("SOMETHING_OLDER"));
    }
}
