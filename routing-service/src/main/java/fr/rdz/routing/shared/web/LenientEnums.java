package fr.rdz.routing.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Query parameters name enums as the JSON does ({@code archived}, {@code zr7}…): matched ignoring case. */
@Configuration
class LenientEnums implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ConverterFactory<String, Enum>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
                return source -> {
                    String value = source.trim();
                    if (value.isEmpty()) {
                        return null;
                    }
                    for (T constant : type.getEnumConstants()) {
                        if (constant.name().equalsIgnoreCase(value)) {
                            return constant;
                        }
                    }
                    throw new IllegalArgumentException("unknown value '" + value + "'");
                };
            }
        });
    }
}
