package org.carereview.consult.notifications;

/** Hands one rendered message over for delivery: to an SMTP server, or into a file. */
interface MailSender {

    void send(OutgoingMail mail) throws SendFailure;
}
