package io.articlepipeline.registry;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import java.util.ArrayList;

/**
 * Replaces the bean that the excluded {@code apicurio-common-app-components-config-index}
 * Quarkus extension would generate at build time (its -deployment jar is not on Maven Central).
 * With an empty list, Apicurio's "dynamic" (runtime-editable) config properties are simply not
 * offered; everything else is configured the normal way (env vars / system properties).
 */
@ApplicationScoped
public class DynamicConfigPropertyListProducer {

    @Produces
    @ApplicationScoped
    public DynamicConfigPropertyList dynamicConfigPropertyList() {
        return new DynamicConfigPropertyList(new ArrayList<>());
    }
}
