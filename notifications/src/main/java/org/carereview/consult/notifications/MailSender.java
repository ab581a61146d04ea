package org.carereview.consult.notifications;

/** Hands one rendered email over for delivery: to an SMTP server, GOV.UK Notify, or into a file. */
interface MailSender {

    void send(OutgoingMail mail) throws SendFailure;

    /**
     * A run of emails sent one after another (one dispatcher batch). A sender that can keep one connection for
     * the run does (SMTP: one connection and greeting for the batch, not one per email); the others send each
     * on its own. Close it when the run is over.
     */
    default Batch batch() {
        return new Batch() {
            @Override
            public void send(OutgoingMail mail) throws SendFailure {
                MailSender.this.send(mail);
            }

            @Override
            public void close() {
            }
        };
    }

    /** See {@link #batch()}. Each email succeeds or fails on its own, as with {@link MailSender#send}. */
    interface Batch extends AutoCloseable {

        void send(OutgoingMail mail) throws SendFailure;

        @Override
        void close();
    }
}
