package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.cli.CareRouteMain;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;

/**
 * A production install: no user until {@code careroute create-admin} makes the first one in the server's database;
 * then the server (no --demo) lets that admin in with the printed password, as name@code (the organisation's login
 * code), and nobody else. A user name is unique within its organisation only.
 */
class CreateAdminTest {

    @Test
    void theCliCreatesTheFirstAdminOfAProductionInstall() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("create-admin"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // A Chinese name suggests no login code: --code is asked for, and nothing is created.
        StringWriter noCode = new StringWriter();
        assertThat(CareRouteMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(noCode, true),
                "create-admin", "--organisation", "外滩街道综合为老服务中心", "--username", "centre-admin",
                "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(noCode.toString()).contains("--code");
        int exit = CareRouteMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "create-admin",
                "--organisation", "外滩街道综合为老服务中心", "--code", "waitan", "--username", "centre-admin",
                "--data-dir", dataDir.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("机构代码：waitan", "登录名：centre-admin@waitan");
        String password = password(out);

        // Taken in the same organisation: refused. User names are per organisation: another may have one too.
        StringWriter again = new StringWriter();
        assertThat(CareRouteMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(again, true),
                "create-admin", "--organisation", "外滩街道综合为老服务中心", "--username", "centre-admin",
                "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(again.toString()).contains("username");
        StringWriter north = new StringWriter();
        assertThat(CareRouteMain.run(new PrintWriter(north, true), new PrintWriter(new StringWriter(), true),
                "create-admin", "--organisation", "North Street", "--username", "centre-admin",
                "--data-dir", dataDir.toString(), "--lang", "en")).isZero();
        assertThat(north.toString()).contains("organisation code: north-street", "log in as: centre-admin@north-street");
        String northPassword = password(north);
        StringWriter bad = new StringWriter();
        assertThat(CareRouteMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true),
                "create-admin", "--organisation", "x", "--code", "x1", "--username", "NO SPACES", "--data-dir",
                dataDir.toString(), "--lang", "en")).isEqualTo(2);
        assertThat(bad.toString()).contains("username:", "3 to 64 characters");

        try (TestServer server = TestServer.start(dataDir, "careroute.solve-seconds=2")) {
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) server.context)
                    .getWebServer().getPort();
            HttpResponse<String> me = basic(port, "centre-admin@waitan", password);
            assertThat(me.statusCode()).isEqualTo(200);
            JsonNode body = ProblemJson.mapper().readTree(me.body());
            assertThat(body.get("role").asText()).isEqualTo("ADMIN");
            assertThat(body.get("organisation").get("name").asText()).isEqualTo("外滩街道综合为老服务中心");
            assertThat(body.get("organisation").get("code").asText()).isEqualTo("waitan");
            assertThat(basic(port, "centre-admin@waitan", password + "x").statusCode()).isEqualTo(401);
            assertThat(basic(port, "centre-admin", password).statusCode()).isEqualTo(401);   // which organisation?
            JsonNode northMe = ProblemJson.mapper().readTree(basic(port, "centre-admin@north-street", northPassword)
                    .body());
            assertThat(northMe.get("organisation").get("name").asText()).isEqualTo("North Street");
            assertThat(basic(port, "centre-admin@north-street", password).statusCode()).isEqualTo(401);
            // Production configuration: no demo users.
            assertThat(basic(port, "demo-admin@demo", password).statusCode()).isEqualTo(401);
        }
    }

    private static String password(StringWriter out) {
        Matcher printed = Pattern.compile("(?:密码（仅显示这一次）：|password \\(shown only now\\): )(\\S+)")
                .matcher(out.toString());
        assertThat(printed.find()).as(out.toString()).isTrue();
        return printed.group(1);
    }

    private static HttpResponse<String> basic(int port, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
}
