package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reading's measurements as kiosk_reading keeps them: {"items": [{"type", "numbers", "codes"}]},
 * so readings of anonymous and pending subjects can be assessed, counted and attached later.
 */
final class StoredMeasurements {

    private StoredMeasurements() {
    }

    static JsonObject toJson(List<Measurement> measurements) {
        JsonArray items = new JsonArray();
        for (Measurement m : measurements) {
            JsonObject numbers = new JsonObject();
            m.numbers().forEach(numbers::put);
            JsonObject codes = new JsonObject();
            m.codes().forEach(codes::put);
            items.add(new JsonObject().put("type", m.type().id()).put("numbers", numbers).put("codes", codes));
        }
        return new JsonObject().put("items", items);
    }

    static List<Measurement> fromJson(JsonObject json) {
        List<Measurement> measurements = new ArrayList<>();
        for (Object item : json.getJsonArray("items")) {
            JsonObject m = (JsonObject) item;
            MeasurementType type = MeasurementType.byId(m.getString("type")).orElseThrow();
            Map<String, Double> numbers = new HashMap<>();
            m.getJsonObject("numbers").forEach(e -> numbers.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
            Map<String, String> codes = new HashMap<>();
            m.getJsonObject("codes").forEach(e -> codes.put(e.getKey(), (String) e.getValue()));
            measurements.add(new Measurement(type, numbers, codes));
        }
        return measurements;
    }
}
