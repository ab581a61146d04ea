package org.carereview.consult.web.experts.apply;

import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Applications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's task list: each section with its status, as GOV.UK's task list pattern shows them, and how
 * many of the sections a person must fill in are done. Sections anyone can skip are listed but not counted, nor
 * is a trusted adult for someone 16 or over. Statuses and hints are the ends of bundle keys
 * ({@code experts.task.status.*}, {@code experts.task.hint.*}).
 */
final class TaskList {

    static final String COMPLETED = "completed";
    static final String INCOMPLETE = "incomplete";
    static final String NOT_STARTED = "not-started";
    static final String CANNOT_START = "cannot-start";
    static final String NOT_NEEDED = "not-needed";

    private TaskList() {
    }

    static Map<String, Object> model(ApplicationInput a, Applications applications) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        int completed = 0;
        int needed = 0;
        for (Section section : Section.values()) {
            Map<String, Object> task = task(section, a, applications);
            tasks.add(task);
            if (section.required && !NOT_NEEDED.equals(task.get("status"))) {
                needed++;
                if (COMPLETED.equals(task.get("status"))) {
                    completed++;
                }
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", tasks);
        model.put("completed", completed);
        model.put("needed", needed);
        return model;
    }

    private static Map<String, Object> task(Section section, ApplicationInput a, Applications applications) {
        Map<String, Object> task = new HashMap<>();
        task.put("id", section.slug);
        task.put("section", section.name());
        task.put("href", section.path());
        task.put("hint", null);
        if (section == Section.TRUSTED_ADULT && !applications.needsTrustedAdult(a.dateOfBirth())) {
            task.put("href", null);
            if (SectionModel.parse(a.dateOfBirth()) == null) {
                task.put("status", CANNOT_START);
                task.put("hint", CANNOT_START);
            } else {
                task.put("status", NOT_NEEDED);
                task.put("hint", NOT_NEEDED);
            }
            return task;
        }
        if (!section.started(a)) {
            task.put("status", NOT_STARTED);
        } else {
            task.put("status", applications.checkPage(a, section.fields).isEmpty() ? COMPLETED : INCOMPLETE);
        }
        return task;
    }
}
