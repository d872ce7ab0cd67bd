package io.berth.distribution.cli;

import io.berth.api.InvalidConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Asks the person at the terminal before a command changes the cloud, unless --yes was given. */
final class Confirmation {

    private Confirmation() {
    }

    static boolean confirmed(boolean yes, String question, PrintWriter out) {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            throw new InvalidConfigException("--yes", "no terminal to confirm on",
                    "pass --yes to confirm in scripts and CI");
        }
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().equalsIgnoreCase("y");
        } catch (IOException e) {
            return false;
        }
    }
}
