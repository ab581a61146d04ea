package org.carereview.consult.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The main Java sources of every module, for the tests that check a rule is spelt in one place only (the visibility
 * rule, the live-submission rule): they read the sources, since a condition inside an SQL string is not in the bytecode.
 */
public final class MainSources {

    private MainSources() {
    }

    /** The repository's root as a module's tests see it (Maven runs them in the module's folder, one level down). */
    public static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Every {@code src/main/java} source under {@code root}, in path order, but the files named in {@code skip}. */
    public static List<Path> under(Path root, Set<String> skip) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !skip.contains(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
