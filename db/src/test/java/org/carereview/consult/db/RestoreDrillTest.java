package org.carereview.consult.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The restore drill of {@code bench/restore-drill/run.sh} on every build: a migrated database with rows in it, dumped
 * with {@code pg_dump --format=custom}, restored with {@code pg_restore} into an empty database on the test server, and
 * every table's exact row count compared. It uses the machine's PostgreSQL client (CI installs Debian's
 * {@code postgresql-client}); elsewhere it is skipped when there is none.
 *
 * <p>pg_dump refuses a server newer than itself, and Debian 12's client is 15 while the test server is 17. Then the
 * source database runs on an embedded server of the client's major version (binaries copied by the build into
 * {@code target/restore-drill}), and the restore still goes into the test server: dumped by an older pg_dump and
 * restored into 17, as a move to a newer PostgreSQL would be (ADR 30).
 */
class RestoreDrillTest {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    @Test
    void everyTableHasTheSameRowCountAfterADumpAndARestore() throws Exception {
        Optional<Path> bin = clientBin();
        if (bin.isEmpty()) {
            assertTrue(System.getenv("CI") == null, "CI must have pg_dump and pg_restore (.ci/run installs postgresql-client)");
            assumeTrue(false, "no pg_dump here: install postgresql-client to run the restore drill");
        }
        int clientMajor = clientMajor(bin.get());
        TestDatabase.Coordinates target = TestDatabase.fresh();
        int serverMajor;
        try (Connection c = target.connect()) {
            serverMajor = intOf(c, "SHOW server_version_num") / 10000;
        }

        EmbeddedPostgres ownServer = null;
        try {
            TestDatabase.Coordinates source;
            if (clientMajor >= serverMajor) {
                source = target;
            } else {
                ownServer = serverOfMajor(clientMajor);
                source = migratedDatabaseOn(ownServer);
            }
            addRows(source);
            Map<String, Long> before = rowCounts(source);

            Path dump = Files.createTempFile("consult-restore-drill", ".dump");
            try {
                run(bin.get(), source, "pg_dump", "--format=custom", "--file=" + dump);
                TestDatabase.Coordinates empty = emptyDatabaseBeside(target);
                run(bin.get(), empty, "pg_restore", "--exit-on-error", "--no-owner", dump.toString());
                Map<String, Long> after = rowCounts(empty);

                assertTrue(before.size() >= 40, "every table of the schema, found " + before.keySet());
                assertTrue(before.get("public.submission") >= 50, "the rows this test added");
                assertEquals(before, after, "row counts of every table, before the dump and after the restore");
            } finally {
                Files.deleteIfExists(dump);
            }
        } finally {
            if (ownServer != null) {
                ownServer.close();
            }
        }
    }

    /** The newest /usr/lib/postgresql/N/bin with pg_dump and pg_restore (Debian's layout), else the PATH's. */
    private static Optional<Path> clientBin() throws IOException {
        String override = System.getenv("PG_CLIENT_BIN");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .filter(v -> v.getFileName().toString().matches("\\d+"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/pg_dump")) && Files.isExecutable(v.resolve("bin/pg_restore")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return Optional.of(newest.get().resolve("bin"));
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_dump")) && Files.isExecutable(Path.of(dir, "pg_restore"))) {
                return Optional.of(Path.of(dir));
            }
        }
        return Optional.empty();
    }

    private static int clientMajor(Path bin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bin.resolve("pg_dump").toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = VERSION.matcher(out);
        assertTrue(m.find(), "pg_dump --version said: " + out);
        return Integer.parseInt(m.group(1));
    }

    /** An embedded server of that major version, from the binaries db/pom.xml copies into target/restore-drill. */
    private static EmbeddedPostgres serverOfMajor(int major) throws IOException {
        Path jar = Path.of("target/restore-drill/postgres-binaries-for-restore-drill.jar");
        assertTrue(Files.exists(jar), jar + " is missing: the build copies it (db/pom.xml, restore-drill-postgres)");
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> {
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        var entry = zip.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + hardware + ".txz");
                        assertTrue(entry != null, jar + " has no binaries for " + system + "-" + hardware);
                        try (InputStream in = zip.getInputStream(entry)) {
                            return new ByteArrayInputStream(in.readAllBytes());
                        }
                    }
                })
                .start();
    }

    private static TestDatabase.Coordinates migratedDatabaseOn(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE consult");
        }
        TestDatabase.Coordinates db = new TestDatabase.Coordinates(pg.getJdbcUrl("postgres", "consult"), "postgres", "postgres");
        Flyway.configure().dataSource(db.url(), db.username(), db.password()).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** Staff, contributors and submissions, beside the reference data the migrations seed. */
    private static void addRows(TestDatabase.Coordinates db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO account (email, created_at, updated_at) "
                    + "SELECT 'drill' || i || '@example.org', now(), now() FROM generate_series(1, 20) i");
            s.execute("INSERT INTO account_role (account_id, role) "
                    + "SELECT id, CASE WHEN email LIKE 'drill1%' THEN 'REVIEWER' ELSE 'CONTRIBUTOR' END FROM account "
                    + "WHERE email LIKE 'drill%'");
            s.execute("INSERT INTO submission (kind, reference, owner_id, themes, submitted_at, search_vector, created_at, updated_at) "
                    + "SELECT 'CALL_FOR_ADVICE', 'CFA-' || lpad(i::text, 4, '0') || '-DRIL', "
                    + "(SELECT id FROM account WHERE email = 'drill' || (i % 20 + 1) || '@example.org'), ARRAY['CARE'], "
                    + "now() - i * interval '1 hour', to_tsvector('english', 'placement moves ' || i), now(), now() "
                    + "FROM generate_series(1, 60) i");
        }
    }

    private static TestDatabase.Coordinates emptyDatabaseBeside(TestDatabase.Coordinates db) throws SQLException {
        String name = "consult_restored_" + Long.toHexString(System.nanoTime());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        }
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new TestDatabase.Coordinates("jdbc:postgresql://" + uri.getRawAuthority() + "/" + name + query,
                db.username(), db.password());
    }

    /** Runs pg_dump or pg_restore against that database; fails the test with its output if it fails. */
    private static void run(Path bin, TestDatabase.Coordinates db, String tool, String... args)
            throws IOException, InterruptedException {
        Properties url = org.postgresql.Driver.parseURL(db.url(), new Properties());
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString(),
                "--host=" + url.getProperty("PGHOST"), "--port=" + url.getProperty("PGPORT"),
                "--username=" + db.username(), "--dbname=" + url.getProperty("PGDBNAME"), "--no-password"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), tool + " took over two minutes");
        assertEquals(0, p.exitValue(), tool + " failed: " + out);
    }

    /** The exact row count of every table outside PostgreSQL's own schemas. */
    private static Map<String, Long> rowCounts(TestDatabase.Coordinates db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t[0] + "\".\"" + t[1] + "\"")) {
                    rs.next();
                    counts.put(t[0] + "." + t[1], rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static int intOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
