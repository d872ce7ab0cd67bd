package io.berth.distribution.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Prints each step of a long operation as it happens, with the seconds since it started. */
final class Progress implements Consumer<String> {

    private final PrintWriter out;
    private final long started = System.nanoTime();

    Progress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(String message) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("[%6.1fs] %s%n", seconds, message);
        out.flush();
    }
}
