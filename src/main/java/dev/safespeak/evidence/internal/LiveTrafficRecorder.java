package dev.safespeak.evidence.internal;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TextScore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts, in memory, the languages and the score bins of every text the engine scores, by wrapping
 * {@link ModerationService#moderate} with an interceptor. The drift computation needs the score distribution,
 * which the engine's counters do not carry; an interceptor keeps the engine free of evidence code and costs a
 * few map increments per text. Counts are cumulative since start; the sampler stores their increases.
 */
@Component
public class LiveTrafficRecorder implements BeanPostProcessor, MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LiveTrafficRecorder.class);

    private static final ThreadLocal<Boolean> SUPPRESSED = ThreadLocal.withInitial(() -> false);

    private final Map<String, LongAdder> languages = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> scoreBins = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ModerationService)) {
            return bean;
        }
        NameMatchMethodPointcut pointcut = new NameMatchMethodPointcut();
        pointcut.addMethodName("moderate");
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, this);
        try {
            if (bean instanceof Advised advised && !advised.isFrozen()) {
                advised.addAdvisor(advisor);
                return bean;
            }
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(true);
            factory.addAdvisor(advisor);
            return factory.getProxy(bean.getClass().getClassLoader());
        } catch (RuntimeException e) {
            log.warn("Cannot observe the moderation service; drift will show no live traffic: {}", e.getMessage());
            return bean;
        }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object result = invocation.proceed();
        if (result instanceof ModerationResult moderation && !SUPPRESSED.get()) {
            record(moderation);
        }
        return result;
    }

    /** Runs {@code work} without counting what it scores (evaluation runs are not live traffic). */
    public static <T> T unobserved(java.util.function.Supplier<T> work) {
        boolean before = SUPPRESSED.get();
        SUPPRESSED.set(true);
        try {
            return work.get();
        } finally {
            SUPPRESSED.set(before);
        }
    }

    /** Counts the languages and score bins of a result. */
    public void record(ModerationResult result) {
        if (result.results() == null) {
            return;
        }
        for (TextScore score : result.results()) {
            String language = score.language() == null ? "und" : score.language().code();
            languages.computeIfAbsent(language, k -> new LongAdder()).increment();
            if (score.scores() != null) {
                for (Map.Entry<Attribute, Double> e : score.scores().entrySet()) {
                    if (e.getValue() != null && !e.getValue().isNaN()) {
                        String key = e.getKey().name() + ":" + Psi.scoreBin(e.getValue());
                        scoreBins.computeIfAbsent(key, k -> new LongAdder()).increment();
                    }
                }
            }
        }
    }

    /** Texts scored per language code since start. */
    public Map<String, Long> languageCounts() {
        return snapshot(languages);
    }

    /** Scores per {@code ATTRIBUTE:bin} since start. */
    public Map<String, Long> scoreBinCounts() {
        return snapshot(scoreBins);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
