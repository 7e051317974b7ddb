package cn.sh.healthcloud.account;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reports in a resident's account. {@link #store} is how the assessment of a kiosk session files
 * one (once per session); residents list and read their own.
 */
@ApplicationScoped
public class ReportService {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt", Sort.Direction.Descending)
            .and("id", Sort.Direction.Descending);

    private final AccountService accounts;
    private final ReportRepository reports;
    private final Pool pool;

    ReportService(AccountService accounts, ReportRepository reports, Pool pool) {
        this.accounts = accounts;
        this.reports = reports;
        this.pool = pool;
    }

    /** A resident's most recent report level, for a doctor's triage list. */
    public record LatestLevel(ReportLevel level, OffsetDateTime at) {
    }

    /** The latest level of each of these residents, in one query over the (resident, time) index. */
    Uni<Map<UUID, LatestLevel>> latestLevels(Collection<UUID> residentIds) {
        if (residentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select distinct on (resident_id) resident_id, level, created_at from report"
                + " where resident_id = any($1) order by resident_id, created_at desc, id desc")
                .execute(Tuple.of(residentIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, LatestLevel> levels = new HashMap<>();
                    rows.forEach(row -> levels.put(row.getUUID("resident_id"), new LatestLevel(
                            ReportLevel.valueOf(row.getString("level")), row.getOffsetDateTime("created_at"))));
                    return levels;
                });
    }

    @ApplicationScoped
    static class ReportRepository implements PanacheRepositoryBase<Report, UUID> {
    }

    /** Files a report for a resident; call inside the transaction that stores what it assesses. */
    public Uni<Report> store(Report report) {
        if (report.id == null) {
            report.id = UUID.randomUUID();
        }
        return reports.persist(report);
    }

    @WithTransaction
    public Uni<ReportPage> mine(String subject, String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = QueryParameters.wholeNumber("page", page, 0, 0, 100_000, errors);
        int s = QueryParameters.wholeNumber("size", size, 20, 1, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return accounts.accountOf(subject)
                .chain(resident -> reports.find("residentId", NEWEST_FIRST, resident.id).range(p * s, p * s + s).list())
                .map(found -> new ReportPage(found.stream().limit(s).map(ReportView::of).toList(), p, s, found.size() > s));
    }

    /** One of the caller's reports; someone else's id is "not found". */
    @WithTransaction
    public Uni<ReportView> one(String subject, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No such report"));
        }
        return accounts.accountOf(subject)
                .chain(resident -> reports.findById(uuid).map(r -> r != null && r.residentId.equals(resident.id) ? r : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such report"))
                .map(ReportView::of);
    }

    Uni<Report> latestOf(UUID residentId) {
        return reports.find("residentId", NEWEST_FIRST, residentId).firstResult();
    }
}
