package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class ApiKeyServiceTest {

    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    dev.safespeak.apikey.internal.ApiKeyRepository repository;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    java.time.Clock clock;
    @Autowired
    RateLimiter limiter;

    /** A second app instance's key service on the same database, refreshing only when the test says so. */
    private ApiKeyService otherInstance(java.time.Duration ttl) {
        return new ApiKeyService(repository, publisher, clock, new ApiKeyProperties(ttl, 0.1, 0.001, 50, 100_000),
                limiter);
    }

    private static void login(String user, String... roles) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_admin_creates_a_key_whose_secret_is_only_stored_as_its_sha256() {
        login("alice", "ADMIN");
        NewApiKey key = keys.create("shop frontend", "acme", 20, 5000L);
        assertThat(key.secret()).startsWith("ssk_").hasSize(4 + 43);
        assertThat(key.info().prefix()).isEqualTo(key.secret().substring(0, 12));
        List<String> stored = jdbc.queryForList("SELECT secret_hash FROM api_key WHERE id = ?", String.class,
                key.info().id());
        assertThat(stored).containsExactly(ApiKeyService.hash(key.secret()));
        assertThat(stored.get(0)).doesNotContain(key.secret().substring(4));
        assertThat(key.toString()).doesNotContain(key.secret());
        assertThat(keys.authenticate(key.secret()).tenant()).isEqualTo("acme");
        assertThat(events.stream(ApiKeyCreated.class)).singleElement()
                .satisfies(e -> assertThat(e.after()).contains("tenant=acme", "rate=20/s"));
    }

    @Test
    void a_non_admin_cannot_create_keys() {
        login("bob", "QA_LEAD");
        assertThatThrownBy(() -> keys.create("x", null, null, null))
                .isInstanceOf(BusinessException.class)
                .hasMessage("This needs the role Administrator; you hold QA/Test Engineering Lead");
    }

    @Test
    void a_key_needs_a_name_and_a_sane_rate() {
        login("alice", "ADMIN");
        assertThatThrownBy(() -> keys.create(" ", null, null, null)).hasMessage("name is empty");
        assertThatThrownBy(() -> keys.create("x", null, 0, null))
                .hasMessage("rate must be between 1 and 1000000 requests per second");
        assertThatThrownBy(() -> keys.create("x", "bad tenant!", null, null))
                .hasMessageStartingWith("tenant must be 1 to 100 letters");
    }

    @Test
    void a_revoked_key_stops_working_at_once_and_is_audited() {
        login("alice", "ADMIN");
        NewApiKey key = keys.create("temp", null, null, null);
        assertThat(keys.authenticate(key.secret()).tenant()).isEqualTo("default");
        keys.revoke(key.info().id());
        assertThatThrownBy(() -> keys.authenticate(key.secret()))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
                .hasMessage("API key has been revoked");
        assertThat(events.stream(ApiKeyRevoked.class)).hasSize(1);
        assertThatThrownBy(() -> keys.revoke(key.info().id())).hasMessageEndingWith("is already revoked");
    }

    @Test
    void an_unknown_or_missing_key_is_unauthenticated() {
        assertThatThrownBy(() -> keys.authenticate("ssk_unknown")).hasMessage("API key is not valid");
        assertThatThrownBy(() -> keys.authenticate(null)).hasMessageStartingWith("API key is missing");
    }

    @Test
    void a_key_revoked_on_another_instance_stops_working_there_at_its_next_refresh() {
        login("alice", "ADMIN");
        NewApiKey key = keys.create("shared", null, null, null);
        ApiKeyService other = otherInstance(java.time.Duration.ofMinutes(1));
        try {
            assertThat(other.authenticate(key.secret()).keyId()).isEqualTo(key.info().id());
            keys.revoke(key.info().id());
            // Served from the other instance's cache until its refresh reads the revoked keys.
            assertThat(other.authenticate(key.secret()).keyId()).isEqualTo(key.info().id());
            other.refreshRevocations();
            assertThatThrownBy(() -> other.authenticate(key.secret())).hasMessage("API key has been revoked");
        } finally {
            other.stopRefresher();
        }
    }

    @Test
    void a_cached_key_not_checked_within_the_ttl_is_looked_up_again() {
        login("alice", "ADMIN");
        NewApiKey key = keys.create("stale", null, null, null);
        ApiKeyService other = otherInstance(java.time.Duration.ZERO);
        assertThat(other.authenticate(key.secret()).keyId()).isEqualTo(key.info().id());
        jdbc.update("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?", key.info().id());
        assertThatThrownBy(() -> other.authenticate(key.secret())).hasMessage("API key has been revoked");
    }

    @Test
    void the_refresh_leaves_keys_that_are_still_valid_alone() {
        login("alice", "ADMIN");
        NewApiKey kept = keys.create("kept", null, null, null);
        NewApiKey gone = keys.create("gone", null, null, null);
        ApiKeyService other = otherInstance(java.time.Duration.ofMinutes(1));
        try {
            other.authenticate(kept.secret());
            other.authenticate(gone.secret());
            keys.revoke(gone.info().id());
            other.refreshRevocations();
            assertThat(other.authenticate(kept.secret()).name()).isEqualTo("kept");
            assertThatThrownBy(() -> other.authenticate(gone.secret())).hasMessage("API key has been revoked");
        } finally {
            other.stopRefresher();
        }
    }

    @Test
    void a_client_retrying_with_an_unknown_key_costs_one_lookup_per_ttl() {
        var repo = org.mockito.Mockito.mock(dev.safespeak.apikey.internal.ApiKeyRepository.class);
        org.mockito.Mockito.when(repo.findBySecretHash(org.mockito.ArgumentMatchers.anyString()))
                .thenReturn(java.util.Optional.empty());
        ApiKeyService service = new ApiKeyService(repo, publisher, clock, new ApiKeyProperties(
                java.time.Duration.ofMinutes(1), 0.1, 0.001, 50, 100_000), limiter);
        try {
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> service.authenticate("ssk_typo")).hasMessage("API key is not valid");
            }
            assertThatThrownBy(() -> service.authenticate("ssk_other")).hasMessage("API key is not valid");
            org.mockito.Mockito.verify(repo, org.mockito.Mockito.times(2))
                    .findBySecretHash(org.mockito.ArgumentMatchers.anyString());
        } finally {
            service.stopRefresher();
        }
    }
}
