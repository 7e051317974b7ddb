package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads questionnaire definitions from JSON: the files named in {@code questionnaires/index.json}
 * on the classpath (a native image cannot list a classpath directory, so the index names them).
 * The only class here that knows Jackson; it walks the JSON tree by hand rather than binding it,
 * so the records need no annotations and a native image no reflection. Unknown fields are
 * refused, so a misspelt key ("requried") fails loudly instead of being ignored.
 */
public final class QuestionnaireLoader {

    public static final String DIRECTORY = "questionnaires/";
    public static final String INDEX = DIRECTORY + "index.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private QuestionnaireLoader() {
    }

    /** Every definition the index lists, in its order; each file must be named {@code <id>.v<version>.json}. */
    public static List<Questionnaire> loadIndex(ClassLoader classLoader) {
        Node index = new Node(tree(read(classLoader, INDEX), INDEX), INDEX);
        index.only("questionnaires");
        List<Questionnaire> definitions = new ArrayList<>();
        for (Node file : index.array("questionnaires")) {
            String name = file.text();
            Questionnaire questionnaire = parse(read(classLoader, DIRECTORY + name), name);
            String expected = questionnaire.id() + ".v" + questionnaire.version() + ".json";
            if (!name.equals(expected)) {
                throw new InvalidQuestionnaireException(name, List.of("holds " + questionnaire.id() + " version "
                        + questionnaire.version() + ", so it must be named " + expected));
            }
            definitions.add(questionnaire);
        }
        return definitions;
    }

    /** One definition from its JSON text; {@code name} says which in error messages. */
    public static Questionnaire parse(String json, String name) {
        return questionnaire(new Node(tree(json, name), name));
    }

    private static JsonNode tree(String json, String name) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidQuestionnaireException(name, List.of("is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static String read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidQuestionnaireException(resource, List.of("is not on the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Questionnaire questionnaire(Node root) {
        root.only("id", "version", "kind", "title", "instructions", "source", "prescriptions", "items", "scoring",
                "bands", "bandRules", "alerts");
        Node scoring = root.get("scoring");
        scoring.only("method");
        if (!scoring.get("method").text().equals("sum")) {
            throw scoring.get("method").invalid("the only scoring method is \"sum\" (with per-item weights)");
        }
        Node kind = root.get("kind");
        Node source = root.get("source");
        source.only("reference", "licence");
        try {
            String id = root.get("id").text();
            int version = root.get("version").integer();
            QuestionnaireKind questionnaireKind = QuestionnaireKind.byId(kind.text())
                    .orElseThrow(() -> kind.invalid("must be one of validated-scale, risk-score, screening-checklist"));
            Citation citation = new Citation(source.get("reference").text(), source.get("licence").text());
            List<Item> items = root.array("items").stream().map(QuestionnaireLoader::item).toList();
            List<Band> bands = root.array("bands").stream().map(QuestionnaireLoader::band).toList();
            List<BandRule> rules = root.optionalArray("bandRules").stream().map(QuestionnaireLoader::bandRule).toList();
            List<Alert> alerts = root.optionalArray("alerts").stream().map(QuestionnaireLoader::alert).toList();
            List<Prescription> prescriptions = root.array("prescriptions").stream()
                    .map(QuestionnaireLoader::prescription).toList();
            return new Questionnaire(id, version, questionnaireKind, text(root.get("title")),
                    text(root.get("instructions")), citation, items, bands, rules, alerts, prescriptions);
        } catch (InvalidQuestionnaireException e) {
            throw new InvalidQuestionnaireException(root.file(), e.problems());
        } catch (IllegalArgumentException e) {
            throw new InvalidQuestionnaireException(root.file(), List.of(e.getMessage()));
        }
    }

    private static Item item(Node node) {
        String type = node.get("type").text();
        String id = node.get("id").text();
        boolean required = node.optionalBoolean("required", true);
        boolean scored = node.optionalBoolean("scored", true);
        int weight = node.has("weight") ? node.get("weight").integer() : 1;
        Optional<FilledFrom> filledFrom = node.has("filledFrom")
                ? Optional.of(FilledFrom.byId(node.get("filledFrom").text())
                        .orElseThrow(() -> node.get("filledFrom").invalid("is not a known source")))
                : Optional.empty();
        return switch (type) {
            case "choice" -> {
                node.only("id", "type", "text", "required", "scored", "weight", "filledFrom", "options");
                yield new ChoiceItem(id, text(node.get("text")), required, scored, weight, filledFrom,
                        node.array("options").stream().map(QuestionnaireLoader::option).toList());
            }
            case "number" -> {
                node.only("id", "type", "text", "required", "scored", "weight", "filledFrom", "unit", "min", "max",
                        "integer", "ranges", "rangesBy");
                yield new NumberItem(id, text(node.get("text")), required, scored, weight, filledFrom,
                        text(node.get("unit")), node.get("min").number(), node.get("max").number(),
                        node.optionalBoolean("integer", false), rangeTable(node));
            }
            default -> throw node.get("type").invalid("must be \"choice\" or \"number\"");
        };
    }

    private static RangeTable rangeTable(Node item) {
        if (item.has("ranges") == item.has("rangesBy")) {
            throw item.invalid("needs either \"ranges\" or \"rangesBy\"");
        }
        if (item.has("ranges")) {
            return new RangeTable.Fixed(item.array("ranges").stream().map(QuestionnaireLoader::range).toList());
        }
        Node by = item.get("rangesBy");
        by.only("item", "ranges");
        Map<String, List<ScoreRange>> tables = new LinkedHashMap<>();
        Node ranges = by.get("ranges");
        for (String answer : ranges.fieldNames()) {
            tables.put(answer, ranges.array(answer).stream().map(QuestionnaireLoader::range).toList());
        }
        return new RangeTable.ByAnswer(by.get("item").text(), tables);
    }

    private static ScoreRange range(Node node) {
        node.only("from", "below", "score", "label");
        return new ScoreRange(node.has("from") ? node.get("from").number() : null,
                node.has("below") ? node.get("below").number() : null, node.get("score").integer(),
                text(node.get("label")));
    }

    private static Option option(Node node) {
        node.only("value", "score", "text", "prescriptions");
        return new Option(node.get("value").text(), node.get("score").integer(), text(node.get("text")),
                node.optionalArray("prescriptions").stream().map(Node::text).toList());
    }

    private static Band band(Node node) {
        node.only("code", "from", "to", "level", "label", "prescriptions");
        Node level = node.get("level");
        return new Band(node.get("code").text(), node.has("from") ? node.get("from").integer() : null,
                node.has("to") ? node.get("to").integer() : null,
                level(level), text(node.get("label")), node.optionalArray("prescriptions").stream().map(Node::text).toList());
    }

    private static Level level(Node node) {
        return switch (node.text()) {
            case "normal" -> Level.NORMAL;
            case "attention" -> Level.ATTENTION;
            case "see-doctor" -> Level.SEE_DOCTOR;
            case "urgent" -> Level.URGENT;
            default -> throw node.invalid("must be normal, attention, see-doctor or urgent");
        };
    }

    private static BandRule bandRule(Node node) {
        node.only("code", "anyOf", "atLeastBand", "reason");
        return new BandRule(node.get("code").text(), node.array("anyOf").stream().map(QuestionnaireLoader::condition).toList(),
                node.get("atLeastBand").text(), text(node.get("reason")));
    }

    private static Alert alert(Node node) {
        node.only("code", "when", "text", "prescriptions");
        return new Alert(node.get("code").text(), condition(node.get("when")), text(node.get("text")),
                node.optionalArray("prescriptions").stream().map(Node::text).toList());
    }

    private static AnswerCondition condition(Node node) {
        node.only("item", "answers");
        Set<String> answers = new LinkedHashSet<>(node.array("answers").stream().map(Node::text).toList());
        return new AnswerCondition(node.get("item").text(), answers);
    }

    private static Prescription prescription(Node node) {
        node.only("kind", "code", "text");
        Text text = text(node.get("text"));
        try {
            return new Prescription(node.get("kind").text(), node.get("code").text(), text.zh(), text.en());
        } catch (IllegalArgumentException e) {
            throw node.get("kind").invalid("must be one of diet, exercise, follow-up, lifestyle");
        }
    }

    private static Text text(Node node) {
        node.only("zh", "en");
        try {
            return new Text(node.get("zh").text(), node.get("en").text());
        } catch (IllegalArgumentException e) {
            throw node.invalid(e.getMessage());
        }
    }

    /** A JSON node with its file and its path there ("items[8].options[1].score"), so errors say where. */
    private record Node(JsonNode json, String file, String path) {

        Node(JsonNode json, String file) {
            this(json, file, "");
        }

        boolean has(String field) {
            return json.hasNonNull(field);
        }

        Node get(String field) {
            JsonNode child = json.get(field);
            Node node = new Node(child, file, path.isEmpty() ? field : path + "." + field);
            if (child == null || child.isNull()) {
                throw node.invalid("is required");
            }
            return node;
        }

        List<Node> array(String field) {
            Node node = get(field);
            if (!node.json.isArray()) {
                throw node.invalid("must be an array");
            }
            List<Node> elements = new ArrayList<>();
            for (int i = 0; i < node.json.size(); i++) {
                elements.add(new Node(node.json.get(i), file, node.path + "[" + i + "]"));
            }
            return elements;
        }

        List<Node> optionalArray(String field) {
            return has(field) ? array(field) : List.of();
        }

        Iterable<String> fieldNames() {
            if (!json.isObject()) {
                throw invalid("must be an object");
            }
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            return names;
        }

        void only(String... allowed) {
            if (!json.isObject()) {
                throw invalid("must be an object");
            }
            Set<String> known = Set.of(allowed);
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw invalid("has an unknown field \"" + name + "\"");
                }
            }
        }

        String text() {
            return as(JsonNode::isTextual, JsonNode::textValue, "must be a string");
        }

        int integer() {
            return as(JsonNode::canConvertToExactIntegral, JsonNode::intValue, "must be a whole number");
        }

        double number() {
            return as(JsonNode::isNumber, JsonNode::doubleValue, "must be a number");
        }

        boolean optionalBoolean(String field, boolean absent) {
            return has(field) ? get(field).as(JsonNode::isBoolean, JsonNode::booleanValue, "must be true or false") : absent;
        }

        private <T> T as(Predicate<JsonNode> is, Function<JsonNode, T> value, String otherwise) {
            if (!is.test(json)) {
                throw invalid(otherwise);
            }
            return value.apply(json);
        }

        InvalidQuestionnaireException invalid(String message) {
            return new InvalidQuestionnaireException(file, List.of(path.isEmpty() ? message : path + " " + message));
        }
    }
}
