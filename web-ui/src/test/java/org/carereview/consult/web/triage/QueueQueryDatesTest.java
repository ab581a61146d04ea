package org.carereview.consult.web.triage;

import io.micronaut.http.HttpRequest;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.triage.TriageFilter;
import org.carereview.consult.web.DateFields;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The queue's "Sent from" and "Sent to": day, month and year boxes on the page, ISO days in its links. */
class QueueQueryDatesTest {

    private static final Viewer REVIEWER = new Viewer(UUID.randomUUID(), Set.of(Role.REVIEWER));

    @Test
    void boxesBecomeTheIsoDayTheServiceAndEveryLinkUse() {
        QueueQuery query = query("theme=CARE&fromDay=5&fromMonth=2&fromYear=2027&toDay=&toMonth=&toYear=");
        TriageFilter filter = query.filter(REVIEWER);
        assertEquals(LocalDate.of(2027, 2, 5), filter.from());
        assertNull(filter.to(), "empty boxes are no filter");
        assertEquals("/staff/triage?theme=CARE&from=2027-02-05", query.path(false));
    }

    @Test
    void aDayInTheAddressFillsTheBoxes() {
        QueueQuery query = query("from=2027-02-05");
        assertEquals(new DateFields("5", "2", "2027"), query.from().shown());
        assertEquals(LocalDate.of(2027, 2, 5), query.filter(REVIEWER).from());
    }

    @Test
    void whatIsTypedWinsOverTheAddress() {
        QueueQuery query = query("from=2020-01-01&fromDay=5&fromMonth=2&fromYear=2027");
        assertEquals(new DateFields("5", "2", "2027"), query.from().shown());
        assertEquals("from=2027-02-05", query.queryString(false));
    }

    @Test
    void aDateThatIsNotRealIsAnErrorOnTheDayBoxAndKeepsWhatWasTyped() {
        QueueQuery query = query("fromDay=31&fromMonth=2&fromYear=2027&toDay=5&toMonth=&toYear=2027");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> query.filter(REVIEWER));
        assertEquals(List.of(new FieldError("from", "Sent from must be a real date"),
                new FieldError("to", "Sent to must include a month")), e.errors());
        assertEquals(new DateFields("31", "2", "2027"), query.from().shown());
        assertEquals("", query.queryString(false), "links leave out a date that is not real");
    }

    @Test
    void theServicesOwnErrorsComeAlongWithTheDates() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> query("fromDay=5&fromMonth=2&fromYear=27&kind=LETTER").filter(REVIEWER));
        assertEquals(List.of("from", "kind"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theBulkFormCarriesTheIsoDayBack() {
        BulkForm form = new BulkForm(List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
                "2027-02-05", "2027-02-06", null, null, null, null);
        assertEquals("from=2027-02-05&to=2027-02-06", form.query().queryString(false));
        assertEquals(new DateFields("6", "2", "2027"), form.query().to().shown());
    }

    private static QueueQuery query(String parameters) {
        return QueueQuery.of(HttpRequest.GET("/staff/triage?" + parameters).getParameters());
    }
}
