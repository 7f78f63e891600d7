package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.access.ApiKeys;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Role;
import io.careroute.data.problem.ProblemJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * A user name belongs to its organisation (issue 19): when two organisations each create "zhang", both get 201,
 * so an admin learns nothing about another organisation's users from the answer (before, the second got 409
 * "taken"). Each zhang logs in with their own organisation's code (HTTP Basic and the login form, as
 * {@code zhang@CODE}) and is that organisation's user; a name taken in the SAME organisation is still 409.
 */
class UsernamesPerOrganisationTest {

    @Test
    void twoOrganisationsEachHaveTheirOwnZhang() throws Exception {
        try (TestServer server = TestServer.start(Path.of(TestServer.freshDataDir("usernames")),
                "careroute.solve-seconds=2")) {
            ApiClient demoAdmin = server.api;
            String otherId = server.context.getBean(AccessStore.class).organisationNamedOrNew("浦东 other street").id();
            ApiClient otherAdmin = demoAdmin.as(server.context.getBean(ApiKeys.class)
                    .create(otherId, "first admin", Role.ADMIN, null).secret());

            ApiClient.Response demoZhang = createZhang(demoAdmin, "zhang's demo password");
            ApiClient.Response otherZhang = createZhang(otherAdmin, "zhang's other password");
            assertThat(demoZhang.status()).as("%s", demoZhang.body()).isEqualTo(201);
            assertThat(otherZhang.status()).as("%s", otherZhang.body()).isEqualTo(201);
            assertThat(otherZhang.body().get("username").asText()).isEqualTo("zhang");

            // The login names the organisation by its code (shown to its users and admins by /me).
            String demoCode = demoAdmin.get("/api/v1/me").body().get("organisation").get("code").asText();
            JsonNode otherOrganisation = otherAdmin.get("/api/v1/me").body().get("organisation");
            String otherCode = otherOrganisation.get("code").asText();
            assertThat(demoCode).isEqualTo("demo");
            assertThat(otherCode).matches("[a-z0-9][a-z0-9._-]{1,31}").isNotEqualTo(demoCode);
            assertThat(otherOrganisation.get("name").asText()).isEqualTo("浦东 other street");

            int port = ((WebServerApplicationContext) server.context).getWebServer().getPort();
            JsonNode me = me(port, "zhang@" + demoCode, "zhang's demo password");
            assertThat(me.get("name").asText()).isEqualTo("zhang");
            assertThat(me.get("organisation").get("code").asText()).isEqualTo(demoCode);
            assertThat(me.get("role").asText()).isEqualTo("DISPATCHER");
            me = me(port, "zhang@" + otherCode, "zhang's other password");
            assertThat(me.get("organisation").get("id").asText()).isEqualTo(otherId);
            assertThat(me(port, "zhang@" + otherCode.toUpperCase(java.util.Locale.ROOT), "zhang's other password")
                    .get("organisation").get("id").asText()).isEqualTo(otherId);   // a code is not case-sensitive
            // One zhang's password is not the other's; a name without its organisation is nobody.
            assertThat(basic(port, "zhang@" + demoCode, "zhang's other password").statusCode()).isEqualTo(401);
            assertThat(basic(port, "zhang@" + otherCode, "zhang's demo password").statusCode()).isEqualTo(401);
            assertThat(basic(port, "zhang", "zhang's demo password").statusCode()).isEqualTo(401);
            assertThat(basic(port, "zhang@no-such-organisation", "zhang's demo password").statusCode()).isEqualTo(401);

            // The login page's form: the other organisation's zhang, in a session.
            AccessMatrixTest.BrowserSession browser = new AccessMatrixTest.BrowserSession(port);
            HttpResponse<String> loggedIn = browser.login("zhang@" + otherCode, "zhang's other password");
            assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            assertThat(ProblemJson.mapper().readTree(browser.get("/api/v1/me").body()).get("organisation").get("id")
                    .asText()).isEqualTo(otherId);

            // Taken in the same organisation: still 409, naming the field.
            for (ApiClient admin : new ApiClient[] {demoAdmin, otherAdmin}) {
                ApiClient.Response again = createZhang(admin, "yet another password");
                assertThat(again.status()).isEqualTo(409);
                assertThat(again.body().get("errors").get(0).get("field").asText()).isEqualTo("username");
                // trust: its own title, not the plan-state one ("方案当前的状态…").
                assertThat(again.body().get("title").asText()).isEqualTo("本机构已有此用户名");
                assertThat(again.body().get("type").asText()).endsWith("/username-taken");
            }
            assertThat(demoAdmin.get("/api/v1/users").body().findValuesAsText("username")).containsOnlyOnce("zhang");
        }
    }

    private static ApiClient.Response createZhang(ApiClient admin, String password) throws Exception {
        return admin.postWith("/api/v1/users", ProblemJson.mapper().writeValueAsBytes(Map.of("username", "zhang",
                "password", password, "role", "DISPATCHER")));
    }

    private static JsonNode me(int port, String user, String password) throws Exception {
        HttpResponse<String> response = basic(port, user, password);
        assertThat(response.statusCode()).as(user).isEqualTo(200);
        return ProblemJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> basic(int port, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/me")).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
