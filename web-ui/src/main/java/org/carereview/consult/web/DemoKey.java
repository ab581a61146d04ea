package org.carereview.consult.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo mode's encryption key (ADR 0018). The demo database is kept across starts in {@code .consult/pgdata}, so
 * a random key per start would make what was sealed yesterday unreadable today: the key is made once and kept beside
 * the data, in {@code .consult/encryption-keys} (owner-only), and deleting {@code .consult/} starts both again.
 */
final class DemoKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String ID = "demo";

    private DemoKey() {
    }

    /** {@code consult.encryption.keys} for the demo data in {@code dataDir}, made on the first start. */
    static String keysFor(Path dataDir) {
        Path file = dataDir.resolve("encryption-keys");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                String keys = ID + ":" + Base64.getEncoder().encodeToString(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                }
                Files.writeString(file, keys, StandardCharsets.UTF_8);
                return keys;
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo encryption key could not be kept in " + file, e);
        }
    }
}
