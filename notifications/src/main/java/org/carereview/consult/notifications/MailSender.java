package org.carereview.consult.notifications;

/** Hands one rendered email over for delivery: to an SMTP server, GOV.UK Notify, or into a file. */
interface MailSender {

    void send(OutgoingMail mail) throws SendFailure;
}
