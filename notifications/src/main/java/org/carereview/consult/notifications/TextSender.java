package org.carereview.consult.notifications;

/** Hands one rendered text message over for delivery: to GOV.UK Notify, or into a file. */
interface TextSender {

    void send(OutgoingText text) throws SendFailure;
}
