package org.carereview.consult.core.safeguarding;

import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Vectors read in PostgreSQL's binary form are the vectors written, to the last bit. */
class StoredVectorsTest {

    private static final float[] VECTOR = {0.0123f, -0.5f, 1e-7f, 0f, -0f, 0.33333334f, Float.MIN_VALUE, 384.25f};

    @Test
    void readsARealArrayAsPostgresqlSendsItInBinary() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            assertArrayEquals(VECTOR, StoredVectors.read(sent(c, VECTOR)));
            assertArrayEquals(new float[0], StoredVectors.read(sent(c, new float[0])));
            assertNull(StoredVectors.read(sent(c, null)));
        }
    }

    @Test
    void addsVectorsElementByElementAndRefusesOnesOfAnotherLength() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            float[] sum = StoredVectors.add(null, sent(c, new float[] {1f, 2f, 3f}));
            assertArrayEquals(new float[] {1.5f, 1f, 3.25f},
                    StoredVectors.add(sum, sent(c, new float[] {0.5f, -1f, 0.25f})));
            byte[] shorter = sent(c, new float[] {1f, 2f});
            assertThrows(IllegalStateException.class, () -> StoredVectors.add(new float[] {0f, 0f, 0f}, shorter));
        }
    }

    private static byte[] sent(Connection c, float[] vector) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT array_send(?::real[])")) {
            Float[] boxed = null;
            if (vector != null) {
                boxed = new Float[vector.length];
                for (int i = 0; i < vector.length; i++) {
                    boxed[i] = vector[i];
                }
            }
            ps.setArray(1, boxed == null ? null : c.createArrayOf("real", boxed));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
