package org.carereview.consult.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.carereview.consult.db.FreePorts;

import java.util.Map;

/**
 * A real SMTP server for a test class that reads the emails the service sends: GreenMail, started before each test
 * and emptied after it, on a free port rather than GreenMail's fixed 3025 so the class can run beside another that
 * has one. {@link #properties()} points the service at it. A test class registers it and adds the properties:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestMail mail = new TestMail();
 * ...
 * properties.putAll(mail.properties());
 * }</pre>
 */
final class TestMail extends GreenMailExtension {

    private final ServerSetup smtp;

    TestMail() {
        this(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private TestMail(ServerSetup smtp) {
        super(smtp);
        this.smtp = smtp;
    }

    /** The service's {@code consult.smtp} settings for this server: its address and port, and no STARTTLS. */
    Map<String, String> properties() {
        return Map.of(
                "consult.smtp.host", smtp.getBindAddress(),
                "consult.smtp.port", String.valueOf(smtp.getPort()),
                "consult.smtp.starttls", "false");
    }
}
