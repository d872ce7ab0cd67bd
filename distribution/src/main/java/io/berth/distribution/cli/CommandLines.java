package io.berth.distribution.cli;

import io.berth.api.BerthException;
import io.berth.api.CloudException;
import io.berth.api.InvalidConfigException;
import io.berth.api.RuleEvaluationException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the picocli command line, with commands as CDI beans and Berth's exit codes. */
public final class CommandLines {

    /** Exit code for findings or drift: the command ran, and the answer is "no". */
    public static final int FINDINGS = 1;
    /** Exit code for bad input: an unknown flag, an invalid config, a file not found. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a failed cloud call. */
    public static final int CLOUD_ERROR = 3;

    /** Commands of the fixed command set that this version does not implement yet. */
    static final List<String> UNAVAILABLE = List.of();

    private CommandLines() {
    }

    public static CommandLine create(Class<?> command) {
        CommandLine commandLine = new CommandLine(command, new CdiFactory());
        for (String name : UNAVAILABLE) {
            commandLine.addSubcommand(name, unavailable(name));
        }
        commandLine.setExecutionExceptionHandler(CommandLines::handle);
        commandLine.setParameterExceptionHandler(CommandLines::handleBadArguments);
        return commandLine;
    }

    private static CommandLine unavailable(String name) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection((java.util.concurrent.Callable<Integer>) () -> {
            System.err.println("berth " + name + " is not available in this version yet.");
            return BAD_INPUT;
        });
        spec.usageMessage().description("Not available in this version yet.");
        spec.parser().unmatchedArgumentsAllowed(true);
        spec.mixinStandardHelpOptions(false);
        return new CommandLine(spec);
    }

    /** Prints what was wrong with the arguments, any suggestion, and the usage of the command concerned. */
    private static int handleBadArguments(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        err.println();
        commandLine.usage(err);
        err.flush();
        return BAD_INPUT;
    }

    private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof BerthException berth) {
            err.println("error: " + berth.getMessage());
            if (!berth.fix().isEmpty()) {
                err.println("fix: " + berth.fix());
            }
            err.flush();
            // Rules that cannot be evaluated are reported like bad input: the Rego, the
            // compiled bundle or the server address needs fixing before anything can run.
            if (berth instanceof InvalidConfigException || berth instanceof RuleEvaluationException) {
                return BAD_INPUT;
            }
            return berth instanceof CloudException ? CLOUD_ERROR : FINDINGS;
        }
        if (isAwsError(exception)) {
            // The SDK lives in the AWS bundle, so its exceptions are recognised by package name.
            err.println("error: an AWS call failed: " + exception.getMessage());
            err.println("fix: check the credentials, the region and AWS_ENDPOINT_URL with `berth doctor`");
            err.flush();
            return CLOUD_ERROR;
        }
        if (exception instanceof UnsupportedOperationException unsupported) {
            err.println("error: " + unsupported.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        err.println("error: " + exception);
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    static boolean isAwsError(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("software.amazon.awssdk.")) {
                return true;
            }
        }
        return false;
    }

    /** Creates commands as CDI beans when they are beans, so that they can inject services. */
    private static final class CdiFactory implements CommandLine.IFactory {
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            InstanceHandle<K> handle = Arc.container().instance(type);
            return handle.isAvailable() ? handle.get() : fallback.create(type);
        }
    }
}
