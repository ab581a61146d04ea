package org.carereview.consult.notifications;

/** How a message goes: the {@code channel} of {@code outbox_message}. */
enum Channel {
    /** To an email address, through SMTP, GOV.UK Notify or into an {@code .eml} file. */
    EMAIL,
    /** To a UK mobile number, through GOV.UK Notify (or into a file in the demo). */
    SMS
}
