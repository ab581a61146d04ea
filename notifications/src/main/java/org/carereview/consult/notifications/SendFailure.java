package org.carereview.consult.notifications;

/**
 * A message could not be handed over. The message text is safe to store and log: an exception class and,
 * where there is one, the SMTP reply code; never an address or content.
 */
final class SendFailure extends Exception {

    private final boolean permanent;

    SendFailure(String summary, boolean permanent) {
        super(summary, null, false, false);
        this.permanent = permanent;
    }

    /** True when trying again cannot help (the server rejected the recipient or the message). */
    boolean permanent() {
        return permanent;
    }

    String summary() {
        return getMessage();
    }
}
