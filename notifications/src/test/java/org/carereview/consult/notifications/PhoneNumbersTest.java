package org.carereview.consult.notifications;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PhoneNumbersTest {

    @Test
    void aUkMobileNumberAsPeopleWriteItIsTextedAtOneForm() {
        for (String written : List.of("07700900123", "07700 900123", " 07700 900 123 ", "+447700900123",
                "+44 7700 900123", "+44 (0)7700 900123", "0044 7700 900123", "447700900123", "07700-900-123")) {
            assertEquals(Optional.of("+447700900123"), PhoneNumbers.normalise(written), written);
        }
    }

    @Test
    void aLandlineAForeignOrAMistypedNumberCannotBeTexted() {
        for (String written : java.util.Arrays.asList(null, "", " ", "020 7946 0018", "01632 960001", "0770090012",
                "077009001234", "+33 6 12 34 56 78", "07700 90012a", "0800 1111", "+4407700900123x")) {
            assertFalse(PhoneNumbers.isUkMobile(written), String.valueOf(written));
        }
    }
}
