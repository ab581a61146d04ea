package org.carereview.consult.notifications;

import java.util.Set;

/**
 * The messages the dispatcher sends before every other due message (ADR 0047): a safeguarding lead's alert, and a
 * link someone has just asked for and is waiting for at a screen. At a closing day's peak tens of thousands of
 * receipts can wait minutes for their turn; a disclosure must reach a lead fast, and a link to carry on with an
 * unfinished response must come before the deadline it is wanted for. Receipts, outcomes, reminders and summaries
 * keep their order behind them.
 */
final class Urgent {

    static final Set<String> TEMPLATES = Set.of(
            "safeguarding-alert", "safeguarding-notes-alert",
            "sign-in-link", "advice-draft-link", "application-draft-link");

    private Urgent() {
    }

    /** Whether a message from this template goes before the rest. */
    static boolean template(String template) {
        return TEMPLATES.contains(template);
    }
}
