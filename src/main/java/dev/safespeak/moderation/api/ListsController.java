package dev.safespeak.moderation.api;

import dev.safespeak.apikey.ApiKeyPrincipal;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ListMatch.ListKind;
import dev.safespeak.moderation.TenantListEntry;
import dev.safespeak.moderation.TenantListStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The block- and allowlist of the API key's tenant: list, add, remove; every change is audited. */
@RestController
@Tag(name = "Lists", description = "Per-tenant blocklist (forces an attribute) and allowlist (never raises a score)")
class ListsController {

    private final TenantListStore lists;

    ListsController(TenantListStore lists) {
        this.lists = lists;
    }

    /** A list term as the API shows it. */
    record Term(long id, String term, Attribute attribute, String createdBy, Instant createdAt) {
        static Term of(TenantListEntry e) {
            return new Term(e.id(), e.term(), e.attribute(), e.createdBy(), e.createdAt());
        }
    }

    /** The body of an add. */
    record AddTerm(String term, String attribute) {
    }

    @Operation(summary = "List the terms of the tenant's blocklist or allowlist",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"list\": \"blocklist\", \"terms\": [{\"id\": 3, "
                            + "\"term\": \"badword\", \"attribute\": \"PROFANITY\", \"createdBy\": "
                            + "\"api-key:ssk_AbCdEfGh\", \"createdAt\": \"2026-11-28T18:00:00Z\"}]}"))))
    @GetMapping(path = "/api/v1/lists/{list}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@PathVariable String list) {
        ListKind kind = kind(list);
        List<Term> terms = lists.list(ApiKeyFilter.current().tenant(), kind).stream().map(Term::of).toList();
        return Map.of("list", list, "terms", terms);
    }

    @Operation(summary = "Add a term",
            description = "A blocklist term forces its attribute (TOXICITY when none is given) whenever the text "
                    + "contains it after normalisation; an allowlist term never raises a score.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"term\": \"badword\", \"attribute\": \"PROFANITY\"}"))),
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"id\": 3, \"term\": \"badword\", \"attribute\": "
                            + "\"PROFANITY\", \"createdBy\": \"api-key:ssk_AbCdEfGh\", \"createdAt\": "
                            + "\"2026-11-28T18:00:00Z\"}"))))
    @PostMapping(path = "/api/v1/lists/{list}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Term add(@PathVariable String list, @RequestBody AddTerm body) {
        ListKind kind = kind(list);
        Attribute attribute = body.attribute() == null ? null : ApiModeration.attribute(body.attribute());
        if (kind == ListKind.ALLOW && attribute != null) {
            throw ApiProblem.invalid("allowlist terms apply to every attribute: leave 'attribute' out");
        }
        ApiKeyPrincipal key = ApiKeyFilter.current();
        return Term.of(lists.add(key.tenant(), kind, body.term(), attribute, actor(key)));
    }

    @Operation(summary = "Remove a term by id")
    @DeleteMapping(path = "/api/v1/lists/{list}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String list, @PathVariable long id) {
        ApiKeyPrincipal key = ApiKeyFilter.current();
        lists.remove(key.tenant(), kind(list), id, actor(key));
    }

    private static ListKind kind(String list) {
        return switch (list) {
            case "blocklist" -> ListKind.BLOCK;
            case "allowlist" -> ListKind.ALLOW;
            default -> throw ApiProblem.of(dev.safespeak.base.ErrorCode.NOT_FOUND, "there is no list '" + list
                    + "': use blocklist or allowlist");
        };
    }

    private static String actor(ApiKeyPrincipal key) {
        return "api-key:" + key.prefix();
    }
}
