package org.carereview.consult.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class MigrationsTest {

    private static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    @Test
    void migrationsAreZeroPaddedAndNumberedWithoutGaps() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        assertTrue(names.size() >= 5, "expected the foundation's migrations, found " + names);
        for (int i = 0; i < names.size(); i++) {
            Matcher m = NAME.matcher(names.get(i));
            if (!m.matches()) {
                fail(names.get(i) + " is not named V<three digits>__<lower_snake_case>.sql");
            }
            assertEquals(i + 1, Integer.parseInt(m.group(1)), "migration numbers must run 001, 002, ... without gaps");
        }
    }

    @Test
    void freshDatabaseHasTheSeededReferenceData() throws SQLException {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        try (Connection c = db.connect()) {
            assertEquals(7, count(c, "SELECT count(*) FROM theme"));
            assertEquals(3, count(c, "SELECT count(*) FROM dilemma"));
            assertEquals(9, count(c, "SELECT count(*) FROM region"));
            assertEquals(10, count(c, "SELECT count(*) FROM area"));
            assertEquals(2, count(c, "SELECT count(*) FROM area WHERE region = 'LONDON'"));
            assertEquals(9, count(c, "SELECT count(DISTINCT region) FROM area"), "every region is covered");
            assertEquals(4, count(c, "SELECT count(*) FROM role"));
        }
    }

    @Test
    void eachCallerGetsADatabaseOfItsOwn() throws SQLException {
        TestDatabase.Coordinates first = TestDatabase.fresh();
        TestDatabase.Coordinates second = TestDatabase.fresh();
        try (Connection a = first.connect(); Connection b = second.connect()) {
            a.createStatement().execute("DELETE FROM area WHERE slug = 'camden'");
            assertEquals(9, count(a, "SELECT count(*) FROM area"));
            assertEquals(10, count(b, "SELECT count(*) FROM area"));
        }
    }

    @Test
    void embeddedServerIsPostgresql17() throws SQLException {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            int version = rs.getInt(1);
            assertTrue(version >= 150000, "PostgreSQL 15 or newer is needed, found " + version);
            if (TestDatabase.describe().startsWith("embedded")) {
                assertEquals(17, version / 10000, "the embedded binaries are the 17.x target");
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
