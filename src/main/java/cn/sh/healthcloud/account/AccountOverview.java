package cn.sh.healthcloud.account;

import cn.sh.healthcloud.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * GET /api/me: the account with its family-doctor contract, the latest value of every
 * measurement type and the latest result of every questionnaire answered, composed here so that the services it draws on do not depend on each other.
 */
@ApplicationScoped
class AccountOverview {

    private final AccountService accounts;
    private final FamilyDoctorService familyDoctors;
    private final ObservationQueries observations;
    private final ReportService reports;
    private final HealthPointsLedger points;
    private final QuestionnaireResponseService questionnaires;

    AccountOverview(AccountService accounts, FamilyDoctorService familyDoctors, ObservationQueries observations,
            ReportService reports, HealthPointsLedger points, QuestionnaireResponseService questionnaires) {
        this.questionnaires = questionnaires;
        this.accounts = accounts;
        this.familyDoctors = familyDoctors;
        this.observations = observations;
        this.reports = reports;
        this.points = points;
    }

    Uni<AccountView> of(String subject, String name) {
        return accounts.me(subject, name).chain(account -> familyDoctors.myContract(subject)
                .onFailure(ProblemException.class).recoverWithNull()
                .chain(contract -> observations.latestPerType(subject)
                        .chain(latest -> latestReport(account.id()).chain(report -> points.balance(subject)
                                .chain(balance -> questionnaires.latestResults(account.id())
                                        .map(results -> account.with(contract,
                                                latest.stream().map(ObservationView::of).toList(), report, balance,
                                                results)))))));
    }

    private Uni<ReportView> latestReport(UUID residentId) {
        return Panache.withSession(() -> reports.latestOf(residentId))
                .map(report -> report == null ? null : ReportView.of(report));
    }
}
