package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An item answered by choosing one of its options (the answer is the option's value, a string). */
public record ChoiceItem(String id, Text text, boolean required, boolean scored, int weight,
        Optional<FilledFrom> filledFrom, List<Option> options) implements Item {

    public ChoiceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(filledFrom, "filledFrom");
        options = List.copyOf(options);
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    @Override
    public int minScore() {
        return scored ? weight * options.stream().mapToInt(Option::score).min().orElse(0) : 0;
    }

    @Override
    public int maxScore() {
        return scored ? weight * options.stream().mapToInt(Option::score).max().orElse(0) : 0;
    }
}
