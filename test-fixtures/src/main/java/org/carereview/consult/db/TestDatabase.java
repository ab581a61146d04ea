package org.carereview.consult.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one test database fixture: one PostgreSQL server per test JVM, taken from the first source
 * available — {@code CONSULT_TEST_DATABASE_URL}, then Testcontainers (where Docker runs), then zonky
 * embedded PostgreSQL — and a fresh database per caller, cloned from a template migrated once.
 */
public final class TestDatabase {

    /** Where a fresh database lives. */
    public record Coordinates(String url, String username, String password) {

        /** Properties that point Micronaut's default datasource (and Flyway) at this database. */
        public Map<String, String> micronautProperties() {
            return Map.of(
                    "datasources.default.url", url,
                    "datasources.default.username", username,
                    "datasources.default.password", password,
                    "datasources.default.driver-class-name", "org.postgresql.Driver",
                    "datasources.default.maximum-pool-size", "8",
                    "flyway.datasources.default.enabled", "true");
        }

        /**
         * {@link #micronautProperties()} plus the bootstrap administrator the application creates at start-up;
         * a map the caller may add to.
         */
        public Map<String, String> withAdministrator(String email, String password) {
            Map<String, String> properties = new java.util.HashMap<>(micronautProperties());
            properties.put("consult.bootstrap-admin.email", email);
            properties.put("consult.bootstrap-admin.password", password);
            return properties;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private record Server(String adminUrl, String username, String password, String source) {
        String urlFor(String database) {
            URI uri = URI.create(adminUrl.substring("jdbc:".length()));
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static Server server;
    private static String template;

    private TestDatabase() {
    }

    /** A new, migrated database of its own. */
    public static synchronized Coordinates fresh() {
        try {
            if (server == null) {
                server = startServer();
                // Once per test JVM, so a build log says which PostgreSQL the tests ran against.
                System.out.println("Test database: " + server.source() + " (" + serverVersion() + ")");
                template = "consult_tpl_" + RUN;
                createAndMigrateTemplate();
            }
            String name = "consult_test_" + RUN + "_" + COUNTER.incrementAndGet();
            execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            return new Coordinates(server.urlFor(name), server.username(), server.password());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + describe(), e);
        }
    }

    /** Which of the three sources this JVM uses (for messages). */
    public static synchronized String describe() {
        return server == null ? "(no server yet)" : server.source();
    }

    private static void createAndMigrateTemplate() throws SQLException {
        execute("CREATE DATABASE " + template);
        String url = server.urlFor(template);
        Flyway.configure()
                .dataSource(url, server.username(), server.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // A template may not have open connections while it is copied; Flyway's are closed by now.
    }

    private static String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
             Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SHOW server_version")) {
            return "PostgreSQL " + (rs.next() ? rs.getString(1) : "of unknown version");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Server startServer() {
        String external = System.getenv("CONSULT_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return fromUrl(external);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers postgres:17");
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }));
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded PostgreSQL (zonky)");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static Server fromUrl(String url) {
        Properties props = org.postgresql.Driver.parseURL(url, new Properties());
        if (props == null) {
            throw new IllegalArgumentException("CONSULT_TEST_DATABASE_URL is not a PostgreSQL JDBC URL");
        }
        String user = props.getProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        String password = props.getProperty("password", System.getenv().getOrDefault("PGPASSWORD", ""));
        return new Server(url, user, password, "CONSULT_TEST_DATABASE_URL");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
