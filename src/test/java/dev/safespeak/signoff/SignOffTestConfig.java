package dev.safespeak.signoff;

import dev.safespeak.security.PasswordConfirmation;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.internal.ReleaseFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Test doubles for the sign-off tests: releases whose open required items a test sets, a password check that
 * accepts {@value #PASSWORD} for everybody, and an approval gate a test can make fail.
 */
@TestConfiguration
public class SignOffTestConfig {

    public static final String PASSWORD = "correct horse";

    @Bean
    @Primary
    FakeReleases fakeReleases() {
        return new FakeReleases();
    }

    @Bean
    @Primary
    PasswordConfirmation testPasswordConfirmation() {
        return (username, rawPassword) -> PASSWORD.equals(rawPassword);
    }

    @Bean
    FakeGate fakeGate() {
        return new FakeGate();
    }

    /** Signs in as {@code username} holding {@code roles} for the service calls that follow. */
    public static void login(String username, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toList());
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(username, "n/a", authorities));
    }

    /** Every release id below one million exists; its open required items are whatever the test set. */
    public static class FakeReleases implements ReleaseFacts {

        private final Map<Long, List<String>> openItems = new ConcurrentHashMap<>();

        public void setOpenItems(long releaseId, String... items) {
            openItems.put(releaseId, new ArrayList<>(List.of(items)));
        }

        @Override
        public Optional<String> releaseName(long releaseId) {
            return releaseId > 0 && releaseId < 1_000_000 ? Optional.of("Release " + releaseId) : Optional.empty();
        }

        @Override
        public List<String> requiredOpenItems(long releaseId) {
            return openItems.getOrDefault(releaseId, List.of());
        }
    }

    /** An approval gate that passes unless a test makes it fail for a release. */
    public static class FakeGate implements ApprovalGate {

        private final Map<Long, GateResult> results = new ConcurrentHashMap<>();

        public void set(long releaseId, GateResult result) {
            results.put(releaseId, result);
        }

        @Override
        public String name() {
            return "Success criteria";
        }

        @Override
        public GateResult evaluate(long releaseId) {
            return results.getOrDefault(releaseId, GateResult.pass());
        }
    }
}
