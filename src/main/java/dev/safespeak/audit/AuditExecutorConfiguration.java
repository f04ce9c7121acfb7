package dev.safespeak.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The audit listener's own executor: one thread, so entries are appended in the order their events were handed
 * over, which is the order they were published in (decision 021). On the shared pool, two events of one transaction
 * (a GO decision and the approval it caused) raced for the chain's head and the consequence could come first.
 * Other listeners keep Spring Boot's {@code applicationTaskExecutor} ({@code spring.task.execution.mode: force}).
 */
@Configuration(proxyBeanMethods = false)
class AuditExecutorConfiguration {

    /** The bean name the audit listener's {@code @Async} names. */
    static final String EXECUTOR = "auditExecutor";

    @Bean(name = EXECUTOR)
    ThreadPoolTaskExecutor auditExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("audit-");
        // unfinished appends stay in the event publication registry and are handed over again (OutstandingEvents)
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
