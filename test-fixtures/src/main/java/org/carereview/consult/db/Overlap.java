package org.carereview.consult.db;

import javax.sql.DataSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Two changes of the same rows made to overlap for certain, not by luck: the first runs until it says it is inside
 * its transaction (by calling the pause it is given, from there), the second then starts, and the first goes on
 * only once the second is waiting for a lock in PostgreSQL or has finished. Without a lock, the second reads before
 * the first commits and writes after it: the lost update a test looks for. With one, the second waits and builds
 * on the first.
 */
public final class Overlap {

    private Overlap() {
    }

    public static void run(DataSource dataSource, Consumer<Runnable> first, Runnable second) {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Runnable pause = () -> {
            inside.countDown();
            await(goOn, "the test never let the first change go on");
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> first.accept(pause));
            await(inside, "the first change never reached its pause");
            Future<?> two = pool.submit(second);
            Eventually.holds(() -> two.isDone() || waitingForALock(dataSource),
                    "the second change finishes or waits for a lock");
            goOn.countDown();
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("a change failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            goOn.countDown();
            pool.shutdownNow();
        }
    }

    private static boolean waitingForALock(DataSource dataSource) {
        return TestSql.count(dataSource, "SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0;
    }

    private static void await(CountDownLatch latch, String otherwise) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError(otherwise);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
