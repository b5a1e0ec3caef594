package io.mlplane.core.mock.junit;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.MockProvider;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link EnableMlMock}; can also be registered with
 * {@code @ExtendWith(MlMockExtension.class)}, in which case the seed is 0. One provider per test: fields and
 * parameters of the same test share it.
 */
public final class MlMockExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MlMockExtension.class);
    private static final String KEY = "provider";

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        MockProvider provider = provider(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance, provider);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MockProvider provider = context.getStore(NAMESPACE).remove(KEY, MockProvider.class);
        if (provider != null) {
            provider.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MockProvider.class || type == MlProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return provider(context);
    }

    private static MockProvider provider(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> MockProvider.create(seed(context)),
                MockProvider.class);
    }

    private static long seed(ExtensionContext context) {
        return context.getTestClass().map(c -> c.getAnnotation(EnableMlMock.class)).map(EnableMlMock::seed)
                .orElse(0L);
    }

    private static void inject(Object instance, MockProvider provider) throws IllegalAccessException {
        for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                boolean fits = field.getType() == MockProvider.class || field.getType() == MlProvider.class;
                if (fits && !Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(instance, provider);
                }
            }
        }
    }
}
