package io.careroute.api.access;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Account;
import io.careroute.api.store.Organisation;
import io.careroute.api.store.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code careroute.demo=true} ({@code careroute serve --demo}): the organisation "demo" owns the demo plan,
 * and has one user per role, each with a new random password at every start, printed once on the console (never
 * logged, never a fixed password). The worker user is care worker C01 of the demo street. They log in as
 * {@code demo-admin@demo} (the organisation's code, usually "demo"); the printed link fills the code in.
 */
@Component
public class DemoAccounts {

    public static final String ORGANISATION = "demo";
    public static final String DEMO_WORKER = "C01";

    record Login(String username, Role role, String workerId, String password) {
    }

    private final boolean demo;
    private final AccessStore store;
    private final Accounts accounts;
    private final Environment environment;
    private final List<Login> logins = new ArrayList<>();
    private volatile String organisationId;

    DemoAccounts(@Value("${careroute.demo:false}") boolean demo, AccessStore store, Accounts accounts,
                 Environment environment) {
        this.demo = demo;
        this.store = store;
        this.accounts = accounts;
        this.environment = environment;
    }

    /** The demo organisation's id (created on first use). */
    public synchronized String organisationId() {
        if (organisationId == null) {
            organisationId = store.organisationNamedOrNew(ORGANISATION).id();
        }
        return organisationId;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)   // after the demo plan is queued: the last lines at start-up
    void createAndPrint() {
        if (!demo) {
            return;
        }
        String org = organisationId();
        for (Role role : Role.values()) {
            String username = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
            String workerId = role == Role.WORKER ? DEMO_WORKER : null;
            String password = Passwords.random();
            Optional<Account> existing = store.accountNamed(org, username);
            if (existing.isEmpty()) {
                accounts.create(org, username, password, role.name(), workerId);
            } else {
                accounts.setPassword(existing.get(), password);   // a new password at every start
            }
            logins.add(new Login(username, role, workerId, password));
        }
        print(System.out);
    }

    private void print(PrintStream out) {
        String port = environment.getProperty("local.server.port", "8080");
        Organisation org = store.organisation(organisationId()).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append("\n==================== careroute 演示账号 / demo users ====================\n");
        text.append("机构 / organisation: ").append(org.name()).append("    机构代码 / code: ").append(org.code())
                .append('\n');
        text.append("登录页 / log in at: http://localhost:").append(port).append("/login.html?org=")
                .append(org.code()).append('\n');
        for (Login login : logins) {
            text.append(String.format("  %-22s %-10s %-6s 密码 / password: %s%n", login.username() + "@" + org.code(),
                    login.role(), login.workerId() == null ? "" : login.workerId(), login.password()));
        }
        text.append("每次启动都会生成新的随机密码，仅供演示 / new random passwords at every start, for the demo only\n");
        text.append("=========================================================================\n");
        out.print(text);
        out.flush();
    }
}
