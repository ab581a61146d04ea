package org.carereview.consult.notifications;

import java.time.Duration;

/**
 * The Notify client opens a plain {@link java.net.HttpURLConnection} and sets no timeout, so an answer that never
 * comes would hold the dispatcher for ever. The JDK's defaults for such connections are system properties, read
 * when the first one is opened: set here at start-up, unless the operator set them already (ADR 31).
 */
final class NotifyTimeouts {

    static final String CONNECT = "sun.net.client.defaultConnectTimeout";
    static final String READ = "sun.net.client.defaultReadTimeout";

    private NotifyTimeouts() {
    }

    static void apply(Duration timeout) {
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        if (System.getProperty(CONNECT) == null) {
            System.setProperty(CONNECT, millis);
        }
        if (System.getProperty(READ) == null) {
            System.setProperty(READ, millis);
        }
    }
}
