package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.problem.ProblemException;
import java.util.regex.Pattern;

/** A station id from a path, checked for shape before it becomes part of a cache key or a query. */
final class StationIds {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private StationIds() {
    }

    static String checked(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            throw ProblemException.notFound("No such station");
        }
        return id;
    }
}
