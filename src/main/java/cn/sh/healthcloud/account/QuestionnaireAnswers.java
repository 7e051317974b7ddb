package cn.sh.healthcloud.account;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored answers of a response, by item id: those the resident gave, and those filled from
 * their ID card and latest measurements for items they left out. Scored together; kept apart so
 * that a doctor can tell a measured waist from a guessed one.
 */
public record QuestionnaireAnswers(Map<String, Object> given, Map<String, Object> measured) {

    public QuestionnaireAnswers {
        given = given == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(given));
        measured = measured == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measured));
    }

    /** As stored in the response's JSON column; an item without an answer is left out. */
    static QuestionnaireAnswers from(JsonObject stored) {
        return new QuestionnaireAnswers(answered(stored.getJsonObject("given")), answered(stored.getJsonObject("measured")));
    }

    private static Map<String, Object> answered(JsonObject answers) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (answers != null) {
            answers.getMap().forEach((item, answer) -> {
                if (answer != null) {
                    map.put(item, answer);
                }
            });
        }
        return map;
    }

    /** Every answer, a resident's own over a measured one. */
    Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>(measured);
        all.putAll(given);
        return all;
    }
}
