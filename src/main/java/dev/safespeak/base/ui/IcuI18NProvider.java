package dev.safespeak.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translation provider backed by {@link Messages}, so {@code getTranslation(key, args)} in any component
 * formats plurals with ICU; it replaces Vaadin's default provider, whose java.text formatting has no plurals.
 */
@Component
class IcuI18NProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.format(locale, key, params);
    }
}
