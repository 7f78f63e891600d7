package io.careroute.api.cli;

import java.io.PrintWriter;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code careroute}: plan a day, serve the API. Exit 0 on success, 2 on bad input, 1 on anything else. */
@Command(name = "careroute", mixinStandardHelpOptions = true, version = "careroute 0.1.0",
        description = {"Dispatch optimiser for community elderly care: meal deliveries and home visits on real roads.",
                "社区居家养老助餐与上门服务调度优化。"},
        subcommands = {PlanCommand.class, WeekCommand.class, ReplanCommand.class, ExportCommand.class, CheckCommand.class, RecommendCommand.class, CoverageCommand.class, VrptwCommand.class, HhcrspCommand.class, ServeCommand.class, CreateAdminCommand.class, CommandLine.HelpCommand.class})
public class CareRouteMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (tests call this). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CareRouteMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(CareRouteMain::handle);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InvalidInputException invalid) {
            Messages messages = commandLine.getCommand() instanceof LanguageAware aware ? aware.messages() : Messages.chinese();
            err.println(messages.isEnglish() ? "Input refused:" : "输入有误，未做规划：");
            for (InputError error : invalid.errors()) {
                err.println("  " + error.field(messages) + ": " + error.reason(messages));
            }
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("careroute: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("careroute: failed: " + e);
        if (System.getenv("CAREROUTE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    /** Commands that speak the user's language. */
    interface LanguageAware {
        Messages messages();
    }
}
