package dev.safespeak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The login form with a brake: five wrong passwords for one username from one address lock that pair (the right
 * password is refused too), another address is not locked, and every failure is audited with the client address.
 */
@SpringBootTest(properties = "safespeak.security.admin-password=" + LoginThrottlingTest.PASSWORD)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LoginThrottlingTest {

    static final String PASSWORD = "the-right-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private ResultActions signIn(String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", "admin").param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    @Test
    void five_failures_lock_the_username_from_that_address_and_each_failure_is_audited_with_the_address()
            throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("wrong-" + i, "10.0.0.1").andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }

        signIn(PASSWORD, "10.0.0.1").andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        signIn(PASSWORD, "10.0.0.2").andExpect(authenticated().withUsername("admin"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> after = jdbc.queryForList("SELECT after_state FROM audit_entry WHERE action = "
                    + "'user.login-failed' AND subject = 'user:admin' ORDER BY seq", String.class);
            assertThat(after).filteredOn(a -> a.equals("bad credentials from 10.0.0.1")).hasSize(5);
            assertThat(after).filteredOn(a -> a.startsWith("refused: too many failed sign-ins; try again in ")
                    && a.endsWith(" seconds from 10.0.0.1")).hasSize(1);
        });
    }
}
