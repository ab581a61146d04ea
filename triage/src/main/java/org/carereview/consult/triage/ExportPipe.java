package org.carereview.consult.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Turns a writer of an OutputStream (an export) into an InputStream the HTTP server reads at the client's pace:
 * the writer runs on its own thread and hands over 64 KB chunks through a queue of four, so memory is bounded
 * and a slow client slows the database cursor instead of filling the heap. If the client goes away, the
 * writer's next write fails and its transaction (and cursor) ends.
 */
final class ExportPipe extends InputStream {

    /** Writes the whole export to {@code out}. */
    interface Writer {
        void write(OutputStream out) throws Exception;
    }

    private static final int CHUNK = 1 << 16;
    private static final byte[] END = new byte[0];
    /** A safety net: an export no one reads for this long is abandoned. */
    private static final long GIVE_UP_MINUTES = 60;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4);
    private volatile boolean closed;
    private volatile Throwable failure;
    private byte[] current = new byte[0];
    private int position;

    private ExportPipe() {
    }

    static InputStream start(Executor executor, Writer writer) {
        ExportPipe pipe = new ExportPipe();
        executor.execute(() -> {
            try (OutputStream out = pipe.new Sink()) {
                writer.write(out);
            } catch (Throwable t) {
                pipe.failure = t;
            } finally {
                pipe.offer(END);
            }
        });
        return pipe;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (position >= current.length) {
            if (current == END) {
                return -1;
            }
            try {
                current = chunks.take();
                position = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
            if (current == END && failure != null) {
                throw new IOException("The export stopped: " + failure.getClass().getSimpleName());
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        chunks.clear();
    }

    private boolean offer(byte[] chunk) {
        try {
            while (!closed) {
                if (chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The writer's end. */
    private final class Sink extends OutputStream {
        private final byte[] buffer = new byte[CHUNK];
        private int size;
        private final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(GIVE_UP_MINUTES);

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flush();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (size == 0) {
                return;
            }
            if (closed || System.nanoTime() > deadline || !offer(Arrays.copyOf(buffer, size))) {
                throw new IOException("The client stopped reading the export");
            }
            size = 0;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
