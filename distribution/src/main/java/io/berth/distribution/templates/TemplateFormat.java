package io.berth.distribution.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two ways a CloudFormation template is written. Both keep the order of the rendered maps,
 * so that a template diffs cleanly against the previous one, and both end with a newline.
 */
public enum TemplateFormat {
    YAML("application/yaml"),
    JSON("application/json");

    private static final ObjectMapper YAML_WRITER = JsonMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // A string such as "4711" or "-1" must stay a string when the YAML is read back.
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .stringQuotingChecker(new DateQuotingChecker())
                    .build())
            .build();
    private static final ObjectMapper JSON_WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final String mediaType;

    TemplateFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** Returns the HTTP media type of a template in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns the name the command line and the API use, such as {@code yaml}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String write(Map<String, Object> document) {
        try {
            String text = (this == YAML ? YAML_WRITER : JSON_WRITER).writeValueAsString(document);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the template could not be written as " + id(), e);
        }
    }

    /**
     * Quotes what YAML 1.1 readers take for a date, such as the policy version 2012-10-17, as well
     * as what Jackson quotes by default, so that it stays a string.
     */
    private static final class DateQuotingChecker extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || DATE.matcher(value).matches();
        }
    }

    /**
     * Returns the format of a name.
     *
     * @throws IllegalArgumentException naming the allowed values when the name matches none of them
     */
    public static TemplateFormat fromId(String id) {
        return Arrays.stream(values())
                .filter(format -> format.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown template format '" + id + "': expected yaml or json"));
    }
}
