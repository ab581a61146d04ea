package org.carereview.consult.notifications;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Small shared pieces of the tests' set-up. */
final class TestSupport {

    static final String LOCALHOST = "127.0.0.1";

    private TestSupport() {
    }

    /** Database properties plus: scheduler off (a test dispatches when it means to). */
    static Map<String, String> withSchedulerOff(Map<String, String> database) {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("consult.notifications.scheduler.enabled", "false");
        return properties;
    }

    /** Database properties plus: scheduler off, plain SMTP to this port on localhost. */
    static Map<String, String> withSmtp(Map<String, String> database, int port) {
        Map<String, String> properties = withSchedulerOff(database);
        properties.put("consult.smtp.host", LOCALHOST);
        properties.put("consult.smtp.port", Integer.toString(port));
        properties.put("consult.smtp.starttls", "false");
        properties.put("consult.mail.from", "Independent review <no-reply@review.test>");
        return properties;
    }

    /** Database properties plus: scheduler off, GOV.UK Notify at this fake, with its generic templates. */
    static Map<String, String> withNotify(Map<String, String> database, FakeNotify notify) {
        Map<String, String> properties = withSchedulerOff(database);
        properties.put("consult.smtp.host", "");
        properties.put("consult.notify.api-key", FakeNotify.API_KEY);
        properties.put("consult.notify.base-url", notify.baseUrl());
        properties.put("consult.notify.email-template-id", FakeNotify.EMAIL_TEMPLATE);
        properties.put("consult.notify.sms-template-id", FakeNotify.SMS_TEMPLATE);
        return properties;
    }

    /** An address unique to one test, so assertions never see another test's mail. */
    static String uniqueAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static void deleteAllMessages(TransactionOperations<Connection> tx) {
        sql(tx, "DELETE FROM outbox_message");
    }

    static void sql(TransactionOperations<Connection> tx, String statement) {
        tx.executeWrite(status -> {
            try (Statement s = status.getConnection().createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    /**
     * What a peak of requests does: borrows connections from the application's pool into {@code taken} until the
     * pool has none left to give within its wait. The caller closes them.
     */
    static void takeEveryFreeConnection(DataSource dataSource, List<Connection> taken) {
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        while (true) {
            try {
                taken.add(pool.getConnection());
            } catch (SQLException e) {
                return;
            }
        }
    }
}
