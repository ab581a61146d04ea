package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Applications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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

    /** The task list page's model, with every word from {@code words} (the bundle, in the applicant's version). */
    static TaskListPage model(ApplicationInput a, Applications applications, UnaryOperator<String> words) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        int completed = 0;
        int needed = 0;
        for (Section section : Section.values()) {
            Task task = task(section, a, applications);
            tasks.add(task.item(section, words));
            if (section.required && !NOT_NEEDED.equals(task.status())) {
                needed++;
                if (COMPLETED.equals(task.status())) {
                    completed++;
                }
            }
        }
        return new TaskListPage(tasks, completed, needed);
    }

    /** The task list ({@code experts/apply/task-list}): each section as a task, and how many of those needed are done. */
    @Introspected
    record TaskListPage(List<Map<String, Object>> tasks, int completed, int needed) {
    }

    /** A section's status and hint (the ends of bundle keys), and whether it can be opened. */
    private record Task(String status, @Nullable String hint, boolean linked) {

        /** The task as {@code govuk/task-list :: taskList} shows it: a blue tag while there is something to do. */
        Map<String, Object> item(Section section, UnaryOperator<String> words) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", section.slug);
            item.put("title", words.apply("experts.section." + section.name()));
            item.put("href", linked ? section.path() : null);
            item.put("hint", hint == null ? null : words.apply("experts.task.hint." + hint));
            String inWords = words.apply("experts.task.status." + status);
            if (INCOMPLETE.equals(status) || NOT_STARTED.equals(status)) {
                item.put("tag", inWords);
                item.put("tagClasses", "govuk-tag--blue");
            } else {
                item.put("status", inWords);
            }
            item.put("statusClasses", CANNOT_START.equals(status) ? "govuk-task-list__status--cannot-start-yet" : null);
            return item;
        }
    }

    private static Task task(Section section, ApplicationInput a, Applications applications) {
        if (section == Section.TRUSTED_ADULT && !applications.needsTrustedAdult(a.dateOfBirth())) {
            String why = SectionModel.parse(a.dateOfBirth()) == null ? CANNOT_START : NOT_NEEDED;
            return new Task(why, why, false);
        }
        if (!section.started(a)) {
            return new Task(NOT_STARTED, null, true);
        }
        return new Task(applications.checkPage(a, section.fields).isEmpty() ? COMPLETED : INCOMPLETE, null, true);
    }
}
