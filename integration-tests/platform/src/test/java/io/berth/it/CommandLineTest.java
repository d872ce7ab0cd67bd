package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code berth} command line, run as a separate process. */
class CommandLineTest {

    @TempDir
    Path workDir;

    @Test
    void helpListsEveryCommand() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "--help");

        assertEquals(0, result.exitCode(), result.stderr());
        for (String command : new String[] {"plan", "apply", "destroy", "status", "policies", "check", "clusters",
                "reap", "template", "doctor", "bundles", "serve"}) {
            assertTrue(result.stdout().contains("  " + command + " "), "help does not list " + command + ":\n" + result.stdout());
        }
    }

    @Test
    void unknownCommandExitsTwoWithUsage() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "deploy-everything");

        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("Unmatched argument"), result.stderr());
        assertTrue(result.stderr().contains("Usage: berth"), result.stderr());
    }

    @Test
    void unknownFlagExitsTwoWithUsage() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "bundles", "--colour");

        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("Unknown option: '--colour'"), result.stderr());
        assertTrue(result.stderr().contains("Usage: berth bundles"), result.stderr());
    }

    @Test
    void bundlesListsActiveProvidersAndDeployFolderProblems() throws Exception {
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));
        Files.copy(BerthProcess.bundleJar("unresolvable"), deploy.resolve("unresolvable.jar"));
        Path config = ServerConfig.standard().write(workDir);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "bundles", "--config", config.toString());

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().matches("(?s).*ACTIVE\\s+io\\.berth\\.network\\.managed\\s.*"), result.stdout());
        assertTrue(result.stdout().matches("(?s).*INSTALLED\\s+io\\.berth\\.example\\.unresolvable\\s.*"), result.stdout());
        assertTrue(result.stdout().contains("missing requirement"), result.stdout());
        assertTrue(result.stdout().matches("(?s).*\\nnetwork\\s+network\\.managed .*"), result.stdout());
    }

    @Test
    void bundlesWithoutConfigInstallsNothingFromDeployFolder() throws Exception {
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));
        Files.copy(BerthProcess.bundleJar("example.network"), deploy.resolve("example-network.jar"));

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "bundles");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(!result.stdout().contains("io.berth.example.network"), result.stdout());
        assertTrue(result.stdout().contains("NOT INSTALLED"), result.stdout());
        assertTrue(result.stdout().contains("no bundle is trusted because admin.trust lists no certificate and no sha256"),
                result.stdout());
        assertTrue(result.stdout().matches("(?s).*\\nnetwork\\s+network\\.managed .*"), result.stdout());
    }
}
