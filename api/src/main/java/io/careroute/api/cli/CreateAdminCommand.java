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
import io.careroute.api.store.OrganisationCodes;
import io.careroute.data.i18n.Messages;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;
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
                "Users log in as NAME@CODE, the organisation's code: user names are unique within an organisation.",
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

    @Option(names = "--code", paramLabel = "CODE",
            description = {"a new organisation's login code (users log in as NAME@CODE): 2-32 lower-case letters, "
                    + "digits, . _ -, starting with a letter or digit; default: what the organisation's name suggests "
                    + "(required when it suggests none, e.g. a Chinese name)",
                    "新机构的登录代码（用户以 用户名@代码 登录）；机构名称不能用作代码时（如中文名称）必须给出"})
    String code;

    @Option(names = "--username", required = true, paramLabel = "NAME",
            description = "3-64 characters: lower-case letters, digits, . _ - (unique within the organisation)")
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
        String name = organisation.strip();
        // The organisation and its admin, both or neither: a refused user name leaves no new organisation behind.
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Account admin = transaction.execute(status -> {
            Organisation org = store.organisationNamed(name).map(existing -> {
                if (code != null && !code.equals(existing.code())) {
                    throw new IllegalArgumentException("--code: " + (messages.isEnglish()
                            ? "the organisation exists; its code is " + existing.code()
                            : "机构已存在，其代码为 " + existing.code()));
                }
                return existing;
            }).orElseGet(() -> store.createOrganisation(name, newCode(store, name, messages)));
            if (store.accountNamed(org.id(), username).isPresent()) {
                throw new IllegalArgumentException("--username: " + messages.get("api.access.usernameTaken"));
            }
            return accounts.create(org.id(), username, password, "ADMIN", null);
        });
        Organisation org = store.organisation(admin.organisationId()).orElseThrow();
        out.println((messages.isEnglish() ? "organisation: " : "机构：") + org.name() + " (" + org.id() + ")");
        out.println((messages.isEnglish() ? "organisation code: " : "机构代码：") + org.code());
        out.println((messages.isEnglish() ? "ADMIN user: " : "管理员用户：") + admin.username());
        out.println((messages.isEnglish() ? "log in as: " : "登录名：") + admin.username() + "@" + org.code());
        if (generated) {
            out.println((messages.isEnglish() ? "password (shown only now): " : "密码（仅显示这一次）：") + password);
        }
        return ExitCodes.OK;
    }

    /** --code, checked and free, or the code the name suggests. */
    private String newCode(AccessStore store, String name, Messages messages) {
        String chosen = code;
        if (chosen == null) {
            chosen = OrganisationCodes.fromName(name).orElseThrow(() -> new IllegalArgumentException("--code: "
                    + (messages.isEnglish() ? "the organisation's name suggests no login code; give one with --code"
                    : "机构名称不能用作登录代码，请用 --code 给出")));
        } else if (!OrganisationCodes.valid(chosen)) {
            throw new IllegalArgumentException("--code: " + (messages.isEnglish()
                    ? "2 to 32 lower-case letters, digits, . _ -, starting with a letter or digit"
                    : "应为 2 到 32 个小写字母、数字或 . _ -，以字母或数字开头"));
        }
        if (store.organisationCoded(chosen).isPresent()) {
            throw new IllegalArgumentException("--code: " + (messages.isEnglish()
                    ? "another organisation has the code " + chosen : "代码 " + chosen + " 已被另一个机构使用"));
        }
        return chosen;
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
