package dev.safespeak.modelregistry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the model registry, under {@code safespeak.modelregistry}.
 *
 * @param modelDir     where model artifacts are stored, one file per version
 * @param defaultModel the committed default model, registered and activated at first start (a Spring
 *                     resource location)
 */
@ConfigurationProperties("safespeak.modelregistry")
public record ModelRegistryProperties(String modelDir, String defaultModel) {

    public ModelRegistryProperties {
        if (modelDir == null || modelDir.isBlank()) {
            modelDir = "./data/models";
        }
        if (defaultModel == null || defaultModel.isBlank()) {
            defaultModel = "classpath:models/default/safespeak-model.bin";
        }
    }
}
