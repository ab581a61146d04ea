package org.carereview.consult.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The embedded PostgreSQL of the default run, its data kept in {@code .consult/pgdata}. */
final class DemoDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDatabase.class);
    private final EmbeddedPostgres postgres;

    private DemoDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Where the demo mode keeps its data: {@code .consult/} in the working directory unless set. */
    static Path dataDir() {
        return Path.of(System.getProperty("consult.data-dir", ".consult")).toAbsolutePath();
    }

    static DemoDatabase start() {
        Path data = dataDir().resolve("pgdata");
        try {
            Files.createDirectories(data.getParent());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // The server's own log (relayed into this one) names the rule that failed, never the row.
                    .setServerConfig("log_error_verbosity", "terse")
                    // The embedded server's defaults are for throwaway test data (fsync, synchronous commit and
                    // full-page writes off): a crash could lose what people were told was received. Not here.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Our own hook stops it, after the application has finished what it is answering.
                    .setRegisterShutdownHook(false)
                    .start();
            DemoDatabase database = new DemoDatabase(pg);
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "demo-database-stop"));
            LOG.info("No DATASOURCES_DEFAULT_URL: using embedded PostgreSQL with its data in {}", data);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (data in " + data + ")", e);
        }
    }

    Map<String, Object> properties() {
        return Map.of(
                "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres");
    }

    /** The running application: on shutdown the database waits for it to finish the requests it is answering. */
    private volatile io.micronaut.context.ApplicationContext application;

    void servesUntilStopped(io.micronaut.context.ApplicationContext context) {
        this.application = context;
    }

    private void stop() {
        // JVM shutdown hooks run at once, together: without this wait the database would stop under requests the
        // application is still finishing (graceful shutdown), and they would get 503.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (application != null && application.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
