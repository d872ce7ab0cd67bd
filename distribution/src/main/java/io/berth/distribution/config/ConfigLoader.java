package io.berth.distribution.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads {@code berth.yaml} into a {@link DeploymentConfig}. Unknown keys are errors, so that a
 * misspelt setting never silently falls back to a default.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private ConfigLoader() {
    }

    public static DeploymentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(file.toString(), "file not found",
                    "pass the path of a berth.yaml with --config, such as examples/quickstart.yaml");
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "could not be read: " + e.getMessage(),
                    "check the file's permissions");
        }
        DeploymentConfig config = parse(file.toString(), text);
        ConfigValidator.validate(file.toString(), config);
        return config;
    }

    static DeploymentConfig parse(String source, String text) {
        if (text.isBlank()) {
            throw new InvalidConfigException(source, "the file is empty", "start from examples/quickstart.yaml");
        }
        try {
            DeploymentConfig config = YAML.readValue(text, DeploymentConfig.class);
            if (config == null) {
                throw new InvalidConfigException(source, "the file is empty", "start from examples/quickstart.yaml");
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            String field = fieldPath(e);
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new InvalidConfigException(source + ": " + field, "unknown key '" + e.getPropertyName() + "'",
                    "remove it or use one of: " + known);
        } catch (MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another type" : typeName(e.getTargetType());
            throw new InvalidConfigException(source + ": " + fieldPath(e), "has the wrong type: expected " + expected,
                    "see examples/quickstart.yaml for the expected shape");
        } catch (JsonMappingException e) {
            throw new InvalidConfigException(source + ": " + fieldPath(e), firstLine(e.getOriginalMessage()),
                    "see examples/quickstart.yaml for the expected shape");
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(source, "is not valid YAML: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()),
                    "fix the YAML syntax");
        }
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "(top level)" : path;
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        return "a section with keys";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
