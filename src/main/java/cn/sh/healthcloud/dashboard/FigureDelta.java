package cn.sh.healthcloud.dashboard;

import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to the figures, gathered and then written to Redis together. Everything counted in a
 * district is counted in the city as well.
 */
final class FigureDelta {

    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final Map<String, Set<String>> served = new LinkedHashMap<>();

    /** Counts {@code n} of a metric in the hash {@code key}, for the district and the city. */
    FigureDelta count(String key, String district, String metric, long n) {
        if (n != 0 && district != null) {
            add(key, FigureKeys.field(district, metric), n);
            add(key, FigureKeys.field(FigureKeys.CITY, metric), n);
        }
        return this;
    }

    /** A resident (any stable key of the person) was served in the district that day. */
    FigureDelta served(LocalDate day, String district, String subject) {
        if (subject != null && district != null) {
            served.computeIfAbsent(FigureKeys.residents(day, district), k -> new LinkedHashSet<>()).add(subject);
            served.computeIfAbsent(FigureKeys.residents(day, FigureKeys.CITY), k -> new LinkedHashSet<>()).add(subject);
        }
        return this;
    }

    private void add(String key, String field, long n) {
        counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(field, n, Long::sum);
    }

    Map<String, Map<String, Long>> counts() {
        return counts;
    }

    Map<String, Set<String>> served() {
        return served;
    }

    boolean isEmpty() {
        return counts.isEmpty() && served.isEmpty();
    }

    /** The counters as HINCRBYs, each key then given {@code ttlSeconds}. */
    List<Request> incrementRequests(long ttlSeconds) {
        List<Request> requests = new ArrayList<>();
        counts.forEach((key, fields) -> {
            fields.forEach((field, n) -> requests.add(Request.cmd(Command.HINCRBY).arg(key).arg(field).arg(n)));
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(ttlSeconds));
        });
        return requests;
    }

    /** The residents served as PFADDs of at most {@code chunk} members each (PFADD is idempotent: safe to repeat). */
    List<Request> servedRequests(int chunk) {
        List<Request> requests = new ArrayList<>();
        served.forEach((key, members) -> {
            Request pfadd = null;
            int inRequest = 0;
            for (String member : members) {
                if (pfadd == null || inRequest == chunk) {
                    pfadd = Request.cmd(Command.PFADD).arg(key);
                    requests.add(pfadd);
                    inRequest = 0;
                }
                pfadd.arg(member);
                inRequest++;
            }
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(FigureKeys.DAY_TTL_SECONDS));
        });
        return requests;
    }
}
