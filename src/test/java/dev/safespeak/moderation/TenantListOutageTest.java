package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.safespeak.base.DatabaseUnavailableException;
import dev.safespeak.base.SwitchableDatabaseStatus;
import dev.safespeak.moderation.ListMatch.ListKind;
import dev.safespeak.moderation.internal.TenantListTerm;
import dev.safespeak.moderation.internal.TenantListTermRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Tenant block and allow lists while the database is unavailable: as last loaded, or 503 if never loaded. */
class TenantListOutageTest {

    private final TenantListTermRepository repository = mock(TenantListTermRepository.class);
    private final SwitchableDatabaseStatus database = new SwitchableDatabaseStatus(10);
    private final TenantListStore store = new TenantListStore(repository, event -> { }, Clock.systemUTC(), database);

    private static TenantListTerm term(String tenant, String word) {
        TenantListTerm term = mock(TenantListTerm.class);
        when(term.toEntry()).thenReturn(new TenantListEntry(1, tenant, ListKind.BLOCK, word, Attribute.TOXICITY,
                "test", Instant.EPOCH));
        return term;
    }

    @Test
    void lists_loaded_before_the_outage_are_served_without_asking_the_database() {
        TenantListTerm pineapple = term("acme", "pineapple");
        when(repository.findByTenantOrderByIdAsc("acme")).thenReturn(List.of(pineapple));
        assertThat(store.entries("acme")).extracting(ListEntry::term).containsExactly("pineapple");
        database.available = false;
        assertThat(store.entries("acme")).as("the lists during the outage").extracting(ListEntry::term)
                .containsExactly("pineapple");
        verify(repository, times(1)).findByTenantOrderByIdAsc("acme");
    }

    @Test
    void a_tenant_whose_lists_were_never_loaded_is_refused_with_unavailable_rather_than_scored_without_them() {
        when(repository.findByTenantOrderByIdAsc("newco")).thenThrow(new CannotGetJdbcConnectionException(
                "no connection", new SQLException("Connection refused", "08001")));
        assertThatThrownBy(() -> store.entries("newco")).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("the block and allow lists of tenant 'newco' are not loaded yet: the "
                        + "database is unavailable");
        assertThat(database.reported).as("failure reported to the breaker").isNotNull();
    }

    @Test
    void a_failure_that_is_not_the_database_being_away_is_not_hidden() {
        when(repository.findByTenantOrderByIdAsc("acme")).thenThrow(new IllegalStateException("a bug"));
        assertThatThrownBy(() -> store.entries("acme")).hasMessage("a bug");
    }
}
