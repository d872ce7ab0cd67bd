package io.berth.distribution.clusters;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on the command line and in {@code berth.yaml}: a number and a
 * unit ({@code s}, {@code m}, {@code h} or {@code d}), or several, such as {@code 45s}, {@code 30m},
 * {@code 2h} or {@code 1h30m}. ISO-8601 durations such as {@code PT1H} are accepted too.
 */
public final class Durations {

    private static final Pattern HUMAN = Pattern.compile("(\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    /** Examples of valid durations, for error messages. */
    public static final String EXAMPLES = "a number and a unit s, m, h or d, such as 45s, 30m, 2h or 1h30m";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException when the text is not a duration, or not a positive one
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is missing");
        }
        String trimmed = text.trim();
        Duration duration = trimmed.startsWith("P") ? iso(trimmed) : human(trimmed);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return duration;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration", e);
        }
    }

    private static Duration human(String text) {
        if (!HUMAN.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount;
            try {
                amount = Long.parseLong(part.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
            }
            try {
                total = total.plus(switch (part.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
            }
        }
        return total;
    }

    /** Formats a duration the way {@link #parse} reads it: {@code 45s}, {@code 30m}, {@code 26h}, {@code 1h30m}. */
    public static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }
}
