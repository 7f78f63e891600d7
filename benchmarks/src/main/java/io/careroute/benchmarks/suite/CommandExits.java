package io.careroute.benchmarks.suite;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * Runs a benchmark's picocli command with the exit statuses the docs give: 2 for bad options (an
 * {@link IllegalArgumentException}, its message after the command's name), 1 for anything else.
 */
public final class CommandExits {

    private CommandExits() {
    }

    /**
     * @param name how the command names itself in its error lines
     * @param out  the output, or null for standard output
     * @param err  the error lines, or null for standard error
     */
    public static int execute(Object command, String name, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println(name + ": " + e.getMessage());
                return 2;
            }
            line.getErr().println(name + ": failed: " + e);
            return 1;
        });
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        return commandLine.execute(args);
    }
}
