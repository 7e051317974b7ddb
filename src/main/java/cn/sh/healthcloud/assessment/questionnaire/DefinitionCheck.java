package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Prescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything a questionnaire definition must satisfy before anyone answers it: unique item ids,
 * options and ranges that score every possible answer, bands that give every possible total
 * exactly one band (no gap, no overlap) with levels that never fall as totals rise, and no
 * reference to an item, option, band or prescription the definition does not have.
 */
final class DefinitionCheck {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private DefinitionCheck() {
    }

    static List<String> problems(String id, int version, List<Item> items, List<Band> bands,
            List<BandRule> bandRules, List<Alert> alerts, List<Prescription> prescriptions) {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id must be lower-case letters, digits and hyphens: " + id);
        }
        if (version < 1) {
            problems.add("version must be 1 or more: " + version);
        }
        if (items.isEmpty()) {
            problems.add("there are no items");
        }
        Map<String, Item> byId = new HashMap<>();
        for (Item item : items) {
            if (!ID.matcher(item.id()).matches()) {
                problems.add("item id must be lower-case letters, digits and hyphens: " + item.id());
            }
            if (byId.putIfAbsent(item.id(), item) != null) {
                problems.add("item id " + item.id() + " is used twice");
            }
        }
        Set<String> prescriptionCodes = new HashSet<>();
        for (Prescription p : prescriptions) {
            if (!prescriptionCodes.add(p.code())) {
                problems.add("prescription " + p.code() + " is defined twice");
            }
        }
        Set<String> referenced = new LinkedHashSet<>();
        for (Item item : items) {
            checkItem(item, byId, problems, referenced);
        }
        checkBands(items, bands, bandRules, problems, referenced);
        checkBandRules(bandRules, bands, byId, problems);
        checkAlerts(alerts, byId, problems, referenced);
        for (String code : referenced) {
            if (!prescriptionCodes.contains(code)) {
                problems.add("prescription " + code + " is used but not defined");
            }
        }
        for (String code : prescriptionCodes) {
            if (!referenced.contains(code)) {
                problems.add("prescription " + code + " is defined but nothing calls for it");
            }
        }
        return problems;
    }

    private static void checkItem(Item item, Map<String, Item> items, List<String> problems, Set<String> referenced) {
        String where = "item " + item.id();
        if (item.weight() < 1) {
            problems.add(where + ": weight must be 1 or more");
        }
        if (item.scored() && !item.required()) {
            problems.add(where + ": a scored item must be required, or totals would not compare");
        }
        switch (item) {
            case ChoiceItem choice -> {
                if (choice.options().size() < 2) {
                    problems.add(where + ": offers fewer than two options");
                }
                Set<String> values = new HashSet<>();
                for (Option option : choice.options()) {
                    if (option.value().isBlank() || !values.add(option.value())) {
                        problems.add(where + ": option value '" + option.value() + "' is blank or used twice");
                    }
                    if (option.score() < 0) {
                        problems.add(where + ": option " + option.value() + " has a negative score");
                    }
                    referenced.addAll(option.prescriptions());
                }
                if (choice.filledFrom().isPresent()
                        && (choice.filledFrom().get() != FilledFrom.PERSON_SEX || !values.equals(Set.of("male", "female")))) {
                    problems.add(where + ": only a choice of exactly 'male' and 'female' can be filled from "
                            + FilledFrom.PERSON_SEX.id());
                }
            }
            case NumberItem number -> {
                if (!(number.min() < number.max())) {
                    problems.add(where + ": min must be below max");
                }
                if (number.filledFrom().filter(f -> f == FilledFrom.PERSON_SEX).isPresent()) {
                    problems.add(where + ": a number cannot be filled from " + FilledFrom.PERSON_SEX.id());
                }
                switch (number.ranges()) {
                    case RangeTable.Fixed fixed -> checkRanges(where, fixed.ranges(), problems);
                    case RangeTable.ByAnswer byAnswer -> {
                        Item other = items.get(byAnswer.dependsOn());
                        if (!(other instanceof ChoiceItem choice) || !other.required()) {
                            problems.add(where + ": its ranges depend on " + byAnswer.dependsOn()
                                    + ", which is not a required choice item");
                        } else {
                            Set<String> values = choice.options().stream().map(Option::value).collect(Collectors.toSet());
                            if (!values.equals(byAnswer.ranges().keySet())) {
                                problems.add(where + ": needs one table of ranges for each option of "
                                        + choice.id() + " " + values + ", has " + byAnswer.ranges().keySet());
                            }
                        }
                        byAnswer.ranges().forEach((answer, ranges) ->
                                checkRanges(where + " (" + byAnswer.dependsOn() + " = " + answer + ")", ranges, problems));
                    }
                }
            }
        }
    }

    /** Ranges must tile the number line: open below and above, each starting where the last ended. */
    private static void checkRanges(String where, List<ScoreRange> ranges, List<String> problems) {
        if (ranges.isEmpty()) {
            problems.add(where + ": has no score ranges");
            return;
        }
        if (ranges.getFirst().from() != null) {
            problems.add(where + ": the first range must have no 'from', so no number is left unscored");
        }
        if (ranges.getLast().below() != null) {
            problems.add(where + ": the last range must have no 'below', so no number is left unscored");
        }
        for (int i = 0; i < ranges.size(); i++) {
            ScoreRange range = ranges.get(i);
            if (range.score() < 0) {
                problems.add(where + ": range " + (i + 1) + " has a negative score");
            }
            if (range.from() != null && range.below() != null && !(range.from() < range.below())) {
                problems.add(where + ": range " + (i + 1) + " is empty (from " + range.from() + " below " + range.below() + ")");
            }
            if (i > 0 && !Objects.equals(ranges.get(i - 1).below(), range.from())) {
                problems.add(where + ": range " + (i + 1) + " must start where range " + i + " ends ("
                        + ranges.get(i - 1).below() + "), not at " + range.from());
            }
        }
    }

    private static void checkBands(List<Item> items, List<Band> bands, List<BandRule> rules, List<String> problems,
            Set<String> referenced) {
        if (bands.isEmpty()) {
            problems.add("there are no bands");
            return;
        }
        int min = items.stream().mapToInt(Item::minScore).sum();
        int max = items.stream().mapToInt(Item::maxScore).sum();
        Set<String> codes = new HashSet<>();
        Set<String> targeted = rules.stream().map(BandRule::atLeastBand).collect(Collectors.toSet());
        Band previous = null;
        Band previousByScore = null;
        for (Band band : bands) {
            referenced.addAll(band.prescriptions());
            if (!codes.add(band.code())) {
                problems.add("band " + band.code() + " is defined twice");
            }
            if (previous != null && band.level().compareTo(previous.level()) < 0) {
                problems.add("band " + band.code() + " is milder than band " + previous.code()
                        + " before it: list bands mildest first");
            }
            previous = band;
            if (!band.byScore()) {
                if (!targeted.contains(band.code())) {
                    problems.add("band " + band.code() + " has no score range and no band rule leads to it");
                }
                continue;
            }
            if (band.from() > band.to()) {
                problems.add("band " + band.code() + " runs backwards (" + band.from() + " to " + band.to() + ")");
            }
            if (previousByScore == null) {
                if (band.from() > min) {
                    problems.add("totals " + span(min, band.from() - 1) + " have no band (the lowest possible total is "
                            + min + ")");
                }
            } else if (band.from() > previousByScore.to() + 1) {
                problems.add("totals " + span(previousByScore.to() + 1, band.from() - 1) + " have no band (gap between "
                        + previousByScore.code() + " and " + band.code() + ")");
            } else if (band.from() <= previousByScore.to()) {
                problems.add("bands " + previousByScore.code() + " and " + band.code() + " overlap at totals "
                        + span(band.from(), Math.min(previousByScore.to(), band.to())));
            }
            previousByScore = band;
        }
        if (previousByScore == null) {
            problems.add("no band has a score range");
        } else if (previousByScore.to() < max) {
            problems.add("totals " + span(previousByScore.to() + 1, max) + " have no band (the highest possible total is "
                    + max + ")");
        } else if (previousByScore.to() > max) {
            problems.add("band " + previousByScore.code() + " runs to " + previousByScore.to()
                    + ", above the highest possible total " + max);
        }
        Band first = bands.stream().filter(Band::byScore).findFirst().orElse(null);
        if (first != null && first.from() < min) {
            problems.add("band " + first.code() + " starts at " + first.from() + ", below the lowest possible total " + min);
        }
    }

    private static void checkBandRules(List<BandRule> rules, List<Band> bands, Map<String, Item> items,
            List<String> problems) {
        Set<String> codes = new HashSet<>();
        for (BandRule rule : rules) {
            String where = "band rule " + rule.code();
            if (!codes.add(rule.code())) {
                problems.add(where + " is defined twice");
            }
            if (bands.stream().noneMatch(b -> b.code().equals(rule.atLeastBand()))) {
                problems.add(where + ": leads to band " + rule.atLeastBand() + ", which is not defined");
            }
            if (rule.anyOf().isEmpty()) {
                problems.add(where + ": has no condition");
            }
            rule.anyOf().forEach(c -> checkCondition(where, c, items, problems));
        }
    }

    private static void checkAlerts(List<Alert> alerts, Map<String, Item> items, List<String> problems,
            Set<String> referenced) {
        Set<String> codes = new HashSet<>();
        for (Alert alert : alerts) {
            String where = "alert " + alert.code();
            if (!codes.add(alert.code())) {
                problems.add(where + " is defined twice");
            }
            checkCondition(where, alert.when(), items, problems);
            referenced.addAll(alert.prescriptions());
        }
    }

    private static void checkCondition(String where, AnswerCondition condition, Map<String, Item> items,
            List<String> problems) {
        if (!(items.get(condition.item()) instanceof ChoiceItem choice)) {
            problems.add(where + ": refers to " + condition.item() + ", which is not a choice item");
            return;
        }
        if (condition.answers().isEmpty()) {
            problems.add(where + ": lists no answers of " + condition.item());
        }
        for (String answer : condition.answers()) {
            if (choice.option(answer).isEmpty()) {
                problems.add(where + ": " + condition.item() + " offers no option '" + answer + "'");
            }
        }
    }

    private static String span(int from, int to) {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }
}
