package dev.safespeak.moderation;

import java.util.List;

/**
 * The per-tenant block and allow lists the engine applies while scoring. The moderation API module
 * stores and edits them and implements this interface; the engine only reads. Implementations must be
 * fast (they are called once per request) and thread-safe, so they should cache.
 */
public interface TenantListService {

    /** Every block and allow entry of the tenant; empty when it has none. */
    List<ListEntry> entries(String tenant);

    /** A list service for a deployment without tenant lists. */
    TenantListService NONE = tenant -> List.of();
}
