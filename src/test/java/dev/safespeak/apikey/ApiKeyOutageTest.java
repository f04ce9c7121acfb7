package dev.safespeak.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.safespeak.apikey.internal.ApiKeyEntity;
import dev.safespeak.apikey.internal.ApiKeyRepository;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseUnavailableException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.base.SwitchableDatabaseStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** API keys while the database is unavailable: served as last seen, within the outage grace. */
class ApiKeyOutageTest {

    private static final String SECRET = "ssk_outage-test-secret";

    private final ApiKeyRepository repository = mock(ApiKeyRepository.class);
    private final SwitchableDatabaseStatus database = new SwitchableDatabaseStatus(9);

    /** Key cache TTL zero: every check goes to the database, so each one shows what happens when it cannot. */
    private ApiKeyService service(Duration grace) {
        return new ApiKeyService(repository, event -> { }, Clock.systemUTC(),
                new ApiKeyProperties(Duration.ZERO, 0.1, 0.001, 50, 100_000, grace), null, database);
    }

    private static ApiKeyEntity key(boolean revoked) {
        ApiKeyEntity entity = mock(ApiKeyEntity.class);
        when(entity.revoked()).thenReturn(revoked);
        when(entity.toPrincipal()).thenReturn(new ApiKeyPrincipal(7, "shop", "acme", "ssk_outage-", 10, 1000,
                Set.of(ApiKeyScope.SCORE)));
        return entity;
    }

    @Test
    void a_key_seen_valid_is_accepted_from_memory_while_the_database_is_unavailable() {
        ApiKeyService keys = service(Duration.ofHours(1));
        ApiKeyEntity entity = key(false);
        when(repository.findBySecretHash(anyString())).thenReturn(Optional.of(entity));
        assertThat(keys.authenticate(SECRET).tenant()).isEqualTo("acme");
        database.available = false;
        assertThat(keys.authenticate(SECRET).tenant()).as("the key during the outage").isEqualTo("acme");
        verify(repository, times(1)).findBySecretHash(anyString());
    }

    @Test
    void a_key_seen_revoked_stays_revoked_during_the_outage() {
        ApiKeyService keys = service(Duration.ofHours(1));
        ApiKeyEntity entity = key(true);
        when(repository.findBySecretHash(anyString())).thenReturn(Optional.of(entity));
        assertThatThrownBy(() -> keys.authenticate(SECRET)).hasMessage("API key has been revoked");
        database.available = false;
        assertThatThrownBy(() -> keys.authenticate(SECRET)).as("the revoked key during the outage")
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
                .hasMessage("API key has been revoked");
    }

    @Test
    void a_key_never_seen_cannot_be_checked_and_answers_unavailable_not_unauthenticated() {
        ApiKeyService keys = service(Duration.ofHours(1));
        database.available = false;
        assertThatThrownBy(() -> keys.authenticate(SECRET))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.retryAfterSeconds()).isEqualTo(9);
                })
                .hasMessageStartingWith("this API key cannot be checked: the database is unavailable");
    }

    @Test
    void a_key_last_checked_longer_ago_than_the_outage_grace_answers_unavailable() throws InterruptedException {
        ApiKeyService keys = service(Duration.ofMillis(50));
        ApiKeyEntity entity = key(false);
        when(repository.findBySecretHash(anyString())).thenReturn(Optional.of(entity));
        keys.authenticate(SECRET);
        database.available = false;
        Thread.sleep(120);
        assertThatThrownBy(() -> keys.authenticate(SECRET)).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("safespeak.apikey.outage-grace");
    }

    @Test
    void a_lookup_that_cannot_connect_falls_back_to_memory_and_tells_the_breaker() {
        ApiKeyService keys = service(Duration.ofHours(1));
        ApiKeyEntity entity = key(false);
        when(repository.findBySecretHash(anyString())).thenReturn(Optional.of(entity))
                .thenThrow(new CannotGetJdbcConnectionException("no connection",
                        new SQLException("Connection refused", "08001")));
        keys.authenticate(SECRET);
        assertThat(keys.authenticate(SECRET).keyId()).as("the key when its lookup fails to connect").isEqualTo(7);
        assertThat(database.reported).as("failure reported to the breaker").isNotNull();
    }

    @Test
    void a_lookup_that_fails_for_another_reason_is_not_hidden() {
        ApiKeyService keys = service(Duration.ofHours(1));
        ApiKeyEntity entity = key(false);
        when(repository.findBySecretHash(anyString())).thenReturn(Optional.of(entity))
                .thenThrow(new IllegalStateException("a bug"));
        keys.authenticate(SECRET);
        assertThatThrownBy(() -> keys.authenticate(SECRET)).hasMessage("a bug");
    }
}
