package io.careroute.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.careroute.api.CareRouteApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the REST API (and its OpenAPI document) on the given port.", "启动 REST 接口服务。"})
class ServeCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "load and solve the demo street at start-up")
    boolean demo;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--osm", paramLabel = "FILE", description = "OSM extract to route on (default: the bundled demo extract)")
    String osm;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = {"where plans are stored (embedded H2 database; default: ~/.local/share/careroute).",
                    "For PostgreSQL set SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD instead."})
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        CareRouteApplication.start(port, demo, osm, dataDir);
        Thread.currentThread().join();   // the web server's threads keep serving; Ctrl-C stops the JVM
        return ExitCodes.OK;
    }
}
