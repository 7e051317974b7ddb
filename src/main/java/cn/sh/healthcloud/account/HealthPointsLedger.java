package cn.sh.healthcloud.account;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.QueryParameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads a resident's health points: the balance (the ledger's sum) and a page of entries. */
@ApplicationScoped
class HealthPointsLedger {

    private final Pool pool;

    HealthPointsLedger(Pool pool) {
        this.pool = pool;
    }

    Uni<HealthPointsView> of(String subject, String pageParam, String sizeParam) {
        List<FieldError> errors = new ArrayList<>();
        int page = QueryParameters.wholeNumber("page", pageParam, 0, 0, 100_000, errors);
        int size = QueryParameters.wholeNumber("size", sizeParam, 20, 1, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return balance(subject).chain(balance -> pool.preparedQuery("""
                select p.points, p.reason, p.reference, p.earned_at from health_points p
                join resident r on r.id = p.resident_id where r.subject = $1
                order by p.earned_at desc, p.id desc limit $2 offset $3""")
                .execute(Tuple.of(subject, size + 1, page * size))
                .map(rows -> {
                    List<HealthPointsView.Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new HealthPointsView.Entry(row.getOffsetDateTime("earned_at"),
                                row.getInteger("points"), row.getString("reason"), row.getString("reference")));
                    }
                    return new HealthPointsView(balance, entries.stream().limit(size).toList(), page, size,
                            entries.size() > size);
                }));
    }

    Uni<Long> balance(String subject) {
        return pool.preparedQuery("""
                select coalesce(sum(p.points), 0) as balance from health_points p
                join resident r on r.id = p.resident_id where r.subject = $1""")
                .execute(Tuple.of(subject)).map(rows -> rows.iterator().next().getLong("balance"));
    }
}
