package org.carereview.consult.experts;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.Overlap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An application's draft keeps every section saved, however the saves fall. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationDraftsTest implements FreshDatabase {

    @Inject
    ApplicationDrafts drafts;

    @Inject
    DataSource dataSource;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @Test
    void aSectionsAutosaveAndAnotherSectionsSaveAtTheSameMomentBothKeepTheirAnswers() {
        ApplicationDraft draft = drafts.start(null);

        Overlap.run(dataSource,
                pause -> drafts.save(draft.id(), answers -> {
                    pause.run();
                    return with(answers, "experienceStory", "I moved foster homes four times.");
                }),
                () -> drafts.save(draft.id(), answers -> with(answers, "motivation", "So children are listened to.")));

        ApplicationInput kept = drafts.find(draft.id()).orElseThrow().answers();
        assertEquals("I moved foster homes four times.", kept.experienceStory(), "the first save's answer");
        assertEquals("So children are listened to.", kept.motivation(), "the second save's, made as the first was");
    }

    /** The answers with one more, as a section's form keeps what is on its page. */
    private ApplicationInput with(ApplicationInput answers, String field, String value) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new HashMap<>(json.readValue(json.writeValueAsString(answers), Map.class));
            fields.put(field, value);
            return json.readValue(json.writeValueAsString(fields), ApplicationInput.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
