package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox drain rate through the Notify sender: N queued messages (half emails, half texts) sent by the real
 * dispatcher, through GOV.UK Notify's official client, to the local fake of Notify's API, with PostgreSQL (the test
 * fixture's) holding the outbox. Not a test (the name keeps it out of the build): {@code bench/notify-drain/run.sh}
 * runs it with {@code -Dbench.notify.messages=N}. Prints messages per second for one dispatcher, then two at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "bench.notify.messages", matches = "\\d+")
class NotifyDrainBench implements FreshDatabase {

    static final FakeNotify NOTIFY = FakeNotify.started();

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    NotificationsConfiguration config;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withNotify(FreshDatabase.super.getProperties(), NOTIFY);
    }

    @AfterAll
    void stop() {
        NOTIFY.close();
    }

    @Test
    void drain() throws Exception {
        int messages = Integer.getInteger("bench.notify.messages");
        drainOnce(Math.min(messages, 200), 1); // warm-up: JIT, connections, the fake
        for (int dispatchers : new int[] {1, 2}) {
            long nanos = drainOnce(messages, dispatchers);
            System.out.printf("notify-drain: %d messages (%d emails, %d texts), %d dispatcher(s), batch size %d: "
                            + "%.2f s, %.0f messages/s%n", messages, messages - messages / 2, messages / 2, dispatchers,
                    config.batchSize(), nanos / 1e9, messages / (nanos / 1e9));
        }
    }

    private long drainOnce(int messages, int dispatchers) throws Exception {
        TestSupport.deleteAllMessages(tx);
        NOTIFY.reset();
        tx.executeWrite(status -> {
            for (int i = 0; i < messages; i++) {
                if (i % 2 == 0) {
                    outbox.enqueue("advice-receipt", "bench-" + i + "@example.org", Map.of("reference", "CFA-" + i));
                } else {
                    outbox.enqueueText("ebe-receipt-sms", "07700900" + String.format("%03d", i % 1000),
                            Map.of("reference", "EBE-" + i, "closingDate", "5pm on Friday 5 February 2027"));
                }
            }
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> runs = new ArrayList<>();
            for (int d = 0; d < dispatchers; d++) {
                runs.add(pool.submit(() -> {
                    int sent = 0;
                    for (int got = dispatcher.dispatchDue(); got > 0; got = dispatcher.dispatchDue()) {
                        sent += got;
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            long nanos = System.nanoTime() - start;
            assertEquals(messages, sent);
            assertEquals(messages, NOTIFY.received().size(), "each message reached the fake exactly once");
            return nanos;
        } finally {
            pool.shutdownNow();
        }
    }
}
