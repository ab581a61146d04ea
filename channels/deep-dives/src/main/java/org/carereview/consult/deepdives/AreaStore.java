package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code area} rows (seeded in V002) and the {@code region} names. */
@Singleton
class AreaStore {

    /** An area with its internal id. */
    record Found(UUID id, Area area) {
    }

    private static final String COLUMNS = "a.id, a.slug, a.name, a.region, r.name AS region_name, a.population, "
            + "a.deprivation, a.urban_rural, a.ofsted_rating, a.spend_per_child, a.children_entering_care";

    private final JdbcOperations jdbc;

    AreaStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Found> all() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM area a JOIN region r ON r.code = a.region "
                + "ORDER BY a.name, a.slug", ps -> {
            List<Found> areas = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    areas.add(read(rs));
                }
            }
            return areas;
        });
    }

    Optional<Found> find(String slug) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM area a JOIN region r ON r.code = a.region "
                + "WHERE a.slug = ?", ps -> {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<Found>empty();
            }
        });
    }

    /** Region codes to names, in England's usual order. */
    Map<String, String> regions() {
        return jdbc.prepareStatement("SELECT code, name FROM region ORDER BY position", ps -> {
            Map<String, String> regions = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    regions.put(rs.getString(1), rs.getString(2));
                }
            }
            return regions;
        });
    }

    /** Inserts the area; false if the slug is already taken. */
    boolean insert(AreaInput in, @Nullable UUID by, Instant now) {
        return jdbc.prepareStatement("INSERT INTO area (slug, name, region, population, deprivation, urban_rural, "
                + "ofsted_rating, spend_per_child, children_entering_care, created_at, updated_at, updated_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING", ps -> {
            ps.setString(1, in.slug());
            int i = bindAttributes(ps, in, 2);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setObject(i, by);
            return ps.executeUpdate() == 1;
        });
    }

    boolean update(String slug, AreaInput in, @Nullable UUID by, Instant now) {
        return jdbc.prepareStatement("UPDATE area SET name = ?, region = ?, population = ?, deprivation = ?, "
                + "urban_rural = ?, ofsted_rating = ?, spend_per_child = ?, children_entering_care = ?, "
                + "updated_at = ?, updated_by = ? WHERE slug = ?", ps -> {
            int i = bindAttributes(ps, in, 1);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setObject(i++, by);
            ps.setString(i, slug);
            return ps.executeUpdate() == 1;
        });
    }

    private static int bindAttributes(PreparedStatement ps, AreaInput in, int from) throws SQLException {
        int i = from;
        ps.setString(i++, in.name().strip());
        ps.setString(i++, in.region());
        setInteger(ps, i++, in.population());
        ps.setString(i++, Text.orNull(in.deprivation()));
        ps.setString(i++, Text.orNull(in.urbanRural()));
        ps.setString(i++, Text.orNull(in.ofstedRating()));
        ps.setBigDecimal(i++, in.spendPerChild());
        setInteger(ps, i++, in.childrenEnteringCare());
        return i;
    }

    private static void setInteger(PreparedStatement ps, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static Found read(ResultSet rs) throws SQLException {
        return new Found(rs.getObject("id", UUID.class), new Area(rs.getString("slug"), rs.getString("name"),
                rs.getString("region"), rs.getString("region_name"), (Integer) rs.getObject("population"),
                rs.getString("deprivation"), rs.getString("urban_rural"), rs.getString("ofsted_rating"),
                rs.getBigDecimal("spend_per_child"), (Integer) rs.getObject("children_entering_care")));
    }
}
