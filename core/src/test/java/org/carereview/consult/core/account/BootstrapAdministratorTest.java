package org.carereview.consult.core.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The first administrator is made once, however many nodes start at the same moment. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootstrapAdministratorTest implements TestPropertyProvider {

    static final String EMAIL = "first.admin@example.org";
    static final int NODES = 4;

    @Inject
    BootstrapAdministrator bootstrap;
    @Inject
    CountingPasswordHasher hasher;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator(EMAIL, "a long first password");
        properties.put(CountingPasswordHasher.PROPERTY, "true");
        return properties;
    }

    @Test
    void nodesStartingTogetherMakeTheFirstAdministratorOnce() throws Exception {
        assertEquals(1L, administrators(), "this node made the administrator at start-up");
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 0; round < 10; round++) {
                TestSql.execute(dataSource, "DELETE FROM account WHERE email = ?", EMAIL);
                int before = hasher.hashes();
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<Future<?>> started = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    started.add(nodes.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        bootstrap.onStartup(null);
                        return null;
                    }));
                }
                for (Future<?> node : started) {
                    node.get(30, TimeUnit.SECONDS);
                }
                assertEquals(1L, administrators(), "round " + round);
                assertEquals(1, hasher.hashes() - before, "the password was set once in round " + round);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private long administrators() {
        return TestSql.count(dataSource, "SELECT count(*) FROM account a JOIN account_role r ON r.account_id = a.id "
                + "WHERE r.role = 'ADMIN' AND a.email = ?", EMAIL);
    }
}
