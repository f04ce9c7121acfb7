package dev.safespeak.security;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Turns a denied {@code @PreAuthorize} check on a service method into the {@link BusinessException} every caller
 * already handles: code forbidden with the role the method needs, or unauthenticated when nobody is signed in.
 * Services name it with {@code @HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)}.
 */
@Component
public class ServiceAuthorization implements MethodAuthorizationDeniedHandler {

    private static final Pattern ROLE = Pattern.compile("hasRole\\('([A-Z_]+)'\\)|'([A-Z_]+)'");

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        CurrentUser user = CurrentUser.get().orElseThrow(() ->
                new BusinessException(ErrorCode.UNAUTHENTICATED, "You are not signed in"));
        throw BusinessException.forbidden(message(invocation, user));
    }

    static String message(MethodInvocation invocation, CurrentUser user) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), PreAuthorize.class);
        String needed = rule == null ? "another role" : requiredRoles(rule.value());
        String held = user.roles().isEmpty() ? "no role"
                : user.roles().stream().map(Role::displayName).sorted().collect(Collectors.joining(", "));
        return "This needs the role " + needed + "; you hold " + held;
    }

    private static String requiredRoles(String expression) {
        Matcher m = ROLE.matcher(expression);
        java.util.List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            Role.find(name).map(Role::displayName).ifPresent(names::add);
        }
        return names.isEmpty() ? "another role" : names.stream().distinct()
                .sorted(Comparator.naturalOrder()).collect(Collectors.joining(" or "));
    }
}
