package org.carereview.consult.core.operations;

import com.sun.jna.Library;
import com.sun.jna.Native;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for background work that must give way to the people sending (ADR 0046), one per core: they run at the
 * operating system's lowest CPU priority (nice 19), so while requests want the cores they get what the requests
 * leave, and when they do not they run at full speed. No threshold or rate has to be guessed, and a peak needs no
 * signal to be noticed. A thread cannot be given its priority back without privileges, so the work is handed to
 * these threads rather than the caller lowering its own. Where the priority cannot be lowered (not Linux, no C
 * library), the work still runs on them, at normal priority, and the log says so.
 */
@Singleton
public class LowPriority {

    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);
    /** The lowest priority on Linux: a nice-19 thread has about 1.5 % of a core's share against one at 0. */
    static final int NICE = 19;
    private static final int PRIO_PROCESS = 0;

    /** The C library's {@code setpriority}; on Linux, {@code who} may be one thread's id. */
    interface CLibrary extends Library {
        int setpriority(int which, int who, int prio);
    }

    private final int size = Runtime.getRuntime().availableProcessors();
    private final ExecutorService threads = Executors.newFixedThreadPool(size, r -> {
        Thread t = new Thread(() -> {
            lowerThisThread();
            r.run();
        }, "background-low-priority");
        t.setDaemon(true);
        return t;
    });

    /** Runs the work on a low-priority thread and waits for it; its exception is the caller's. */
    public <T> T call(Callable<T> work) {
        return Parallel.await(threads.submit(work));
    }

    /** Runs the work on a low-priority thread and waits for it. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs copies of the work side by side, at most one per core, each on a low-priority thread, and waits for all. */
    public void runOnEach(int copies, Runnable work) {
        Parallel.runOnEach(threads, Math.max(1, Math.min(copies, size)), work);
    }

    private static void lowerThisThread() {
        try {
            int tid = Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
            if (Native.load("c", CLibrary.class).setpriority(PRIO_PROCESS, tid, NICE) != 0) {
                LOG.warn("Background work runs at normal CPU priority: setpriority refused (errno {})",
                        Native.getLastError());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("Background work runs at normal CPU priority here ({})", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
