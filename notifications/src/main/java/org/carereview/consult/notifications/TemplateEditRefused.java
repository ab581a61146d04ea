package org.carereview.consult.notifications;

import java.util.List;

/** An edit to a message template that cannot be saved, with a plain reason per field. */
public class TemplateEditRefused extends RuntimeException {

    private final transient List<MessageTemplate.Problem> problems;

    TemplateEditRefused(List<MessageTemplate.Problem> problems) {
        super("template edit refused: " + problems.stream().map(MessageTemplate.Problem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<MessageTemplate.Problem> problems() {
        return problems;
    }
}
