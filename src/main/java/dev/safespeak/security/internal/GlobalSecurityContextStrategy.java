package dev.safespeak.security.internal;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A {@link SecurityContextHolderStrategy} that asks {@link SecurityContextHolder}'s current strategy on every call
 * instead of keeping the one it was created with. Vaadin installs its own strategy as the global one each time an
 * application context starts; method security would otherwise keep the strategy of the first context and miss the
 * user that code (or a test) put into the holder afterwards, so {@code @PreAuthorize} and {@code CurrentUser} could
 * disagree about who is signed in.
 */
public final class GlobalSecurityContextStrategy implements SecurityContextHolderStrategy {

    private SecurityContextHolderStrategy current() {
        SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
        if (global == this) {
            throw new IllegalStateException("GlobalSecurityContextStrategy must not be installed as the global "
                    + "strategy: it delegates to it");
        }
        return global;
    }

    @Override
    public void clearContext() {
        current().clearContext();
    }

    @Override
    public SecurityContext getContext() {
        return current().getContext();
    }

    @Override
    public Supplier<SecurityContext> getDeferredContext() {
        return current().getDeferredContext();
    }

    @Override
    public void setContext(SecurityContext context) {
        current().setContext(context);
    }

    @Override
    public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
        current().setDeferredContext(deferredContext);
    }

    @Override
    public SecurityContext createEmptyContext() {
        return current().createEmptyContext();
    }
}
