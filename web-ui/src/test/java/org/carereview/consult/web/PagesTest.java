package org.carereview.consult.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.exceptions.IntrospectionException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page model that is one record gives its template the same variables a map with those keys would. */
class PagesTest {

    @Introspected
    record ExamplePage(String heading, @Nullable String banner, List<String> items, int count) {
    }

    record NotIntrospected(String heading) {
    }

    @Test
    void aRecordsComponentsAreTheTemplatesVariablesNullsKept() {
        Map<String, Object> model = Pages.view("example", new ExamplePage("Areas", null, List.of("Camden"), 1))
                .getModel().orElseThrow();
        assertEquals("Areas", model.get("heading"));
        assertTrue(model.containsKey("banner") && model.get("banner") == null, "a null component is still a variable");
        assertEquals(List.of("Camden"), model.get("items"));
        assertEquals(1, model.get("count"));
        assertEquals(List.of("heading", "banner", "items", "count"), new ArrayList<>(model.keySet()).subList(0, 4),
                "in the record's order, then the defaults every page has");
        assertEquals(List.of(), model.get("errors"));
    }

    @Test
    void aRecordWithoutIntrospectionIsRefusedAtOnceNotRenderedEmpty() {
        assertThrows(IntrospectionException.class, () -> Pages.view("example", new NotIntrospected("Areas")));
    }
}
