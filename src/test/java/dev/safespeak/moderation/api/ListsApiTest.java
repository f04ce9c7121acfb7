package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.safespeak.base.AuditableEvent;
import dev.safespeak.moderation.TenantListChanged;
import dev.safespeak.moderation.TenantListStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ListsApiTest extends ApiTestSupport {

    @Autowired
    ApplicationEvents events;
    @Autowired
    TenantListStore store;

    @Test
    void a_blocklist_term_can_be_added_listed_and_removed_and_each_change_is_audited() throws Exception {
        String created = mvc.perform(post("/api/v1/lists/blocklist").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"term\": \"Badword\", \"attribute\": \"PROFANITY\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.term").value("Badword"))
                .andExpect(jsonPath("$.attribute").value("PROFANITY"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(store.entries("acme")).anyMatch(e -> e.term().equals("Badword"));

        mvc.perform(get("/api/v1/lists/blocklist").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terms[0].term").value("Badword"));
        mvc.perform(delete("/api/v1/lists/blocklist/" + id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/lists/blocklist").header("Authorization", "Bearer " + secret))
                .andExpect(jsonPath("$.terms.length()").value(0));

        assertThat(events.stream(TenantListChanged.class).map(AuditableEvent::action))
                .containsExactly("tenant-list.term-added", "tenant-list.term-removed");
        assertThat(events.stream(TenantListChanged.class).findFirst().orElseThrow().actor()).startsWith("api-key:ssk_");
    }

    @Test
    void the_same_term_twice_is_a_conflict() throws Exception {
        String body = "{\"term\": \"ok boomer\"}";
        mvc.perform(post("/api/v1/lists/allowlist").header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/lists/allowlist").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"term\": \"OK  Boomer\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("conflict"))
                .andExpect(jsonPath("$.detail").value("'OK  Boomer' is already on the allowlist"));
    }

    @Test
    void another_tenants_term_cannot_be_removed() throws Exception {
        String other = createKey("other", "globex", 100, 1000).secret();
        String created = mvc.perform(post("/api/v1/lists/blocklist").header("Authorization", "Bearer " + other)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"term\": \"theirs\"}"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(delete("/api/v1/lists/blocklist/" + id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("the blocklist has no term with id " + id));
    }

    @Test
    void an_unknown_list_is_404() throws Exception {
        mvc.perform(get("/api/v1/lists/greylist").header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("there is no list 'greylist': use blocklist or allowlist"));
    }
}
