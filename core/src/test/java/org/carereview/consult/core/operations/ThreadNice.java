package org.carereview.consult.core.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The nice value (Linux CPU priority, 0 normal, 19 lowest) of a thread of this JVM, read from /proc. */
public final class ThreadNice {

    private ThreadNice() {
    }

    /** The calling thread's nice value. */
    public static int current() {
        return of(Path.of("/proc/thread-self/stat"));
    }

    /** The nice value of this JVM's thread whose name starts with {@code name}, if there is one. */
    public static Optional<Integer> named(String name) {
        String comm = name.length() > 15 ? name.substring(0, 15) : name; // the kernel keeps 15 characters
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> comm.equals(commOf(task)))
                    .map(task -> of(task.resolve("stat"))).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task's name, or "" for a thread that ended after the folder was listed. */
    private static String commOf(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (NoSuchFileException ended) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int of(Path stat) {
        String line = read(stat);
        // After the name in parentheses: state is field 3; nice is field 19.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
