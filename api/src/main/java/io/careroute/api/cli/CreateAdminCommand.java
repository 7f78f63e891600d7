package io.careroute.api.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import io.careroute.api.access.Accounts;
import io.careroute.api.access.Passwords;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Account;
import io.careroute.api.store.Organisation;
import io.careroute.data.i18n.Messages;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code careroute create-admin}: the first user of a production install. Works on the database {@code serve} uses
 * (the H2 file in {@code --data-dir}, or PostgreSQL from SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD), creating
 * or upgrading its schema first; the server must not be running on an H2 file (H2 locks it).
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = {"Creates an organisation (unless it exists) and an ADMIN user of it in the server's database.",
                "在服务的数据库中创建机构（如尚不存在）及其管理员用户。",
                "Without --password-stdin a random password is generated and printed once."})
class CreateAdminCommand implements Callable<Integer>, CareRouteMain.LanguageAware {

    /** The same database URL as application.yml's default (careroute.data-dir). */
    static final String H2_URL = "jdbc:h2:file:%s/careroute;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--organisation", required = true, paramLabel = "NAME",
            description = "the organisation, e.g. a street's service centre (created unless it exists)")
    String organisation;

    @Option(names = "--username", required = true, paramLabel = "NAME",
            description = "3-64 characters: lower-case letters, digits, . _ -")
    String username;

    @Option(names = "--password-stdin", description = "read the password (at least 10 characters) from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the server's data directory (default: $CAREROUTE_DATA_DIR or ~/.local/share/careroute); "
                    + "ignored when SPRING_DATASOURCE_URL is set")
    Path dataDir;

    @Mixin
    LanguageOption language;

    /** Refused input is printed in this language, by {@link CareRouteMain}. */
    @Override
    public Messages messages() {
        return language.messages();
    }

    @Override
    public Integer call() throws Exception {
        Messages messages = messages();
        PrintWriter out = spec.commandLine().getOut();
        String password;
        boolean generated = !passwordStdin;
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line.strip();
        } else {
            password = Passwords.random();
        }
        if (organisation.isBlank() || organisation.length() > 100) {
            throw new IllegalArgumentException(messages.isEnglish() ? "--organisation: 1 to 100 characters"
                    : "--organisation：应为 1 到 100 个字符");
        }
        DriverManagerDataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        AccessStore store = new AccessStore(JdbcClient.create(dataSource), Clock.systemUTC());
        Accounts accounts = new Accounts(store, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Clock.systemUTC());
        if (store.accountNamed(username).isPresent()) {
            throw new IllegalArgumentException("--username: " + messages.get("api.access.usernameTaken"));
        }
        Organisation org = store.organisationNamedOrNew(organisation.strip());
        Account admin = accounts.create(org.id(), username, password, "ADMIN", null);
        out.println((messages.isEnglish() ? "organisation: " : "机构：") + org.name() + " (" + org.id() + ")");
        out.println((messages.isEnglish() ? "ADMIN user: " : "管理员用户：") + admin.username());
        if (generated) {
            out.println((messages.isEnglish() ? "password (shown only now): " : "密码（仅显示这一次）：") + password);
        }
        return ExitCodes.OK;
    }

    private DriverManagerDataSource dataSource() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return new DriverManagerDataSource(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD"));
        }
        Path dir = dataDir;
        if (dir == null) {
            String env = System.getenv("CAREROUTE_DATA_DIR");
            dir = env != null && !env.isBlank() ? Path.of(env)
                    : Path.of(System.getProperty("user.home"), ".local", "share", "careroute");
        }
        return new DriverManagerDataSource(String.format(H2_URL, dir.toAbsolutePath().normalize()), "sa", "");
    }
}
